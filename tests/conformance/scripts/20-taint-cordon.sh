# kubectl taint, cordon and uncordon on nodes, with their usual mistakes.
kubectl taint nodes node-1 dedicated=gpu:NoSchedule
kubectl taint nodes node-1 dedicated=gpu:NoSchedule
kubectl taint nodes node-1 dedicated=cpu:NoSchedule --overwrite
kubectl taint node node-1 spot:PreferNoSchedule other=x:NoExecute
kubectl get node node-1 -o yaml
kubectl taint nodes node-1 dedicated:NoSchedule-
kubectl taint nodes node-1 spot-
kubectl taint nodes node-1 spot-
kubectl taint nodes node-1 other:NoSchedule-
kubectl taint nodes --all zone=a:NoSchedule
kubectl taint nodes -l kubernetes.io/hostname=node-2 zone- 
kubectl taint nodes node-1 bad=x:Never
kubectl taint nodes node-1 a=b=c:NoSchedule
kubectl taint nodes node-1 k=v
kubectl taint nodes node-1 'k=bad value:NoSchedule'
kubectl taint nodes node-1 k=1:NoSchedule k=2:NoSchedule
kubectl taint nodes node-1 k=1:NoSchedule k-
kubectl taint nodes node-9 k=1:NoSchedule
kubectl taint nodes k=1:NoSchedule
kubectl taint pods web k=1:NoSchedule
kubectl taint nodes node-1
kubectl taint
kubectl taint nodes --all -l a=b k=1:NoSchedule
kubectl taint nodes node-1 k=1:NoSchedule x
kubectl taint nodes node-2 k=1:NoSchedule --dry-run=client
kubectl cordon node-1
kubectl cordon node-1
kubectl get nodes
kubectl uncordon node-1
kubectl uncordon node-1
kubectl cordon node-1 node-9
kubectl cordon
kubectl cordon -l kubernetes.io/hostname=node-2 --dry-run=client
kubectl get nodes
kubectl taint nodes node-2 j=1:NoSchedule --dry-run=server
