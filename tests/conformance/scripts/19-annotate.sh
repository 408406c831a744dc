# kubectl annotate: free-text values, overwrite clashes, removal and the usual mistakes.
# (One clash per command: upstream lists several in Go map order, which varies run to run.)
kubectl create deployment web --image=nginx
kubectl create deployment api --image=nginx
kubectl annotate deployment web owner=alice
kubectl annotate deployment web owner=bob
kubectl annotate deployment web owner=bob --overwrite
kubectl annotate deployment web owner=bob
kubectl annotate deployment web 'note=hello world' team=a
kubectl annotate deployments --all reviewed=yes
kubectl annotate deployment web owner- missing-
kubectl annotate deployment web kubernetes.io/change-cause=first
kubectl annotate deployment web kubernetes.io/change-cause=second
kubectl annotate deployment web team=b
kubectl get deployment web -o yaml
kubectl annotate deployment web
kubectl annotate owner=x
kubectl annotate deployment web a=1 a-
kubectl annotate deployment web =x
kubectl annotate deployment missing a=1
kubectl annotate deployment web -o name z=1
kubectl annotate deployment web y=1 --dry-run=client
kubectl annotate node node-1 zone=a
