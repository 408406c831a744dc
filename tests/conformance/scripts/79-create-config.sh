# kubectl create configmap / secret / service / serviceaccount: generators and their errors.
kubectl create configmap app --from-literal=color=blue --from-literal=size=2 --from-file=files/app.properties --from-file=props=files/app.properties -o yaml
kubectl create configmap env --from-env-file=files/app.env --dry-run=client -o json
kubectl create configmap dup --from-literal=a=1 --from-literal=a=2
kubectl create configmap badkey --from-literal='a b=1'
kubectl create configmap nolit --from-literal=a
kubectl create configmap nofile --from-file=files/missing.txt
kubectl create configmap mixed --from-env-file=files/app.env --from-literal=a=1
kubectl create configmap badenv --from-env-file=files/bad.env
kubectl create configmap app --from-literal=a=1
kubectl create configmap
kubectl create secret generic db --from-literal=user=admin --from-literal='password=p@ss w0rd' -o yaml
kubectl create secret generic basic --type=kubernetes.io/basic-auth --from-literal=username=a --from-literal=password=b --dry-run=client -o json
kubectl create secret generic props --from-file=files/app.properties -n kube-public --dry-run=server -o yaml
kubectl create secret generic dupe --from-literal=a=1 --from-literal=a=2
kubectl create secret generic badkey --from-literal='a b=1'
kubectl create secret docker-registry regcred --docker-username=learner --docker-password=secret --docker-email=me@example.com -o yaml
kubectl create secret docker-registry regcred2 --docker-username=learner
kubectl create secret db
kubectl create secret generic
kubectl create service clusterip web --tcp=80:8080 --tcp=443 -o yaml
kubectl create service nodeport np --tcp=80:http --node-port=30080 --dry-run=client -o json
kubectl create service clusterip headless --clusterip=None
kubectl create service externalname ext --external-name=example.com -o yaml
kubectl create service loadbalancer lb --tcp=80 -o name
kubectl create service clusterip bad --tcp=abc
kubectl create service clusterip bad --tcp=80:0
kubectl create service clusterip bad --tcp=80:Bad_Name
kubectl create service clusterip bad --tcp=70000
kubectl create service clusterip bad
kubectl create service nodeport bad --clusterip=None --tcp=80
kubectl create service externalname bad --external-name=Bad_Name
kubectl create service foo x
kubectl create service clusterip web --tcp=80
kubectl create serviceaccount robot -o yaml
kubectl create sa robot
kubectl create sa
kubectl get configmaps,secrets,services,serviceaccounts
kubectl describe configmap env
kubectl apply -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: badkeys
data:
  "a b": "1"
  "..secret": "2"
  ok: "3"
binaryData:
  ok: YQ==
YAML
