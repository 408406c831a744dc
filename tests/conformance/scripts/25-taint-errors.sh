# kubectl taint: the usual mistakes.
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
