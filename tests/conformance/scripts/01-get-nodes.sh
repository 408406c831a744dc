# Nodes as kubeadm's cluster shows them, in the usual output formats.
kubectl get nodes
kubectl get nodes -o wide
kubectl get no --show-labels
kubectl get nodes -o name
kubectl get node node-1 -o yaml
