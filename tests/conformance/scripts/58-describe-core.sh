# kubectl describe services, endpoints, nodes, namespaces (quota, limit range), configmaps,
# secrets and service accounts.
kubectl create namespace dev
kubectl apply -n dev -f - <<EOF
apiVersion: v1
kind: ResourceQuota
metadata:
  name: q
spec:
  hard:
    pods: "5"
    requests.cpu: "2"
    limits.memory: 1Gi
---
apiVersion: v1
kind: LimitRange
metadata:
  name: limits
spec:
  limits:
  # One resource per item: kubectl walks a Go map of resource names, in random order.
  - type: Container
    default:
      cpu: 200m
    defaultRequest:
      cpu: 100m
    max:
      cpu: "1"
  - type: Pod
    max:
      memory: 1Gi
---
apiVersion: v1
kind: Service
metadata:
  name: headless
spec:
  clusterIP: None
  selector:
    app: web
  ports:
  - port: 80
    name: http
---
apiVersion: v1
kind: Service
metadata:
  name: ext
spec:
  type: ExternalName
  externalName: example.com
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  labels:
    team: a
# One key per map below: kubectl prints data and binaryData in Go map order (random).
data:
  b: |
    two
    lines
binaryData:
  bin: AAEC
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
type: Opaque
stringData:
  pass: s3cret
---
apiVersion: v1
kind: Secret
metadata:
  name: basic
type: kubernetes.io/basic-auth
data:
  username: YWRtaW4=
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: robot
secrets:
- name: creds
imagePullSecrets:
- name: basic
EOF
kubectl create deployment web --image=nginx --replicas=2 --port=80 -n dev
kubectl expose deployment web -n dev --type=NodePort --port=8080 --target-port=80
kubectl expose deployment web -n dev --name=lb --type=LoadBalancer --port=80 --session-affinity=ClientIP
kubectl taint node node-1 dedicated=db:NoSchedule
kubectl label node node-1 disk=ssd
kubectl cordon node-3
sleep 30
kubectl get pods -n dev
kubectl describe namespace dev
kubectl describe quota -n dev
kubectl describe limitrange -n dev
kubectl describe svc -n dev
kubectl describe endpoints web -n dev
kubectl describe configmap cfg -n dev
kubectl describe secret -n dev
kubectl describe sa -n dev
kubectl describe node node-1
kubectl describe node node-3
kubectl describe node control-plane
kubectl describe ns default kube-system
kubectl describe svc kubernetes
