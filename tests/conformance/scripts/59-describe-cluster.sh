# kubectl describe storage (pvc, pv, storageclass), hpa, ingress, RBAC and priority classes.
kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-manual
  labels:
    type: local
spec:
  capacity:
    storage: 2Gi
  accessModes: ["ReadWriteOnce"]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: manual
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim-manual
spec:
  storageClassName: manual
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim-dynamic
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 500Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: user
spec:
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: claim-dynamic
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 100000
description: "for important pods"
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx
  tls:
  - hosts: ["site.example.com"]
    secretName: site-tls
  rules:
  - host: site.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
      - path: /api
        pathType: Exact
        backend:
          service:
            name: api
            port:
              name: http
EOF
kubectl create deployment web --image=nginx --port=80
kubectl expose deployment web
kubectl set resources deployment web --requests=cpu=100m
kubectl autoscale deployment web --min=1 --max=4 --cpu-percent=50
kubectl apply -f - <<EOF
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
- apiGroups: [""]
  resources: ["pods", "services"]
  verbs: ["get", "list"]
- apiGroups: ["apps"]
  resources: ["deployments/scale"]
  verbs: ["update"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: node-reader
rules:
- apiGroups: [""]
  resources: ["nodes"]
  resourceNames: ["node-1"]
  verbs: ["get"]
- nonResourceURLs: ["/healthz"]
  verbs: ["get"]
EOF
kubectl create rolebinding reader-binding --role=reader --user=jane
kubectl create clusterrolebinding node-reader-binding --clusterrole=node-reader --group=ops
sleep 60
kubectl get pvc,pv
kubectl describe pvc
kubectl describe pv
kubectl describe storageclass standard
kubectl describe hpa web
kubectl describe ingress site
kubectl describe role reader
kubectl describe rolebinding reader-binding
kubectl describe clusterrole node-reader
kubectl describe clusterrolebinding node-reader-binding
kubectl describe priorityclass high
kubectl describe priorityclass system-node-critical
kubectl describe clusterrole view
