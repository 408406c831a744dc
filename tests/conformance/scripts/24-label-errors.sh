# kubectl label: the usual mistakes, each answered before or by the server.
kubectl create deployment web --image=nginx
kubectl label deployment web
kubectl label env=dev
kubectl label deployments env=dev
kubectl label deployment missing env=dev
kubectl label deployment web env=dev x
kubectl label deployment web 'bad value=x y'
kubectl label deployment web a=b=c
kubectl label deployment web k=v k-
kubectl label deployment web -bad=x
kubectl label deployment web --all -l app=web z=1
kubectl label deployment web 'bad key!=x'
kubectl label pods --all x=y
kubectl label deployment web --list
kubectl label deployment web z=1 -o name --dry-run=client
