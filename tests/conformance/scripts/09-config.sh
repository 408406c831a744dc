# Config maps and services from manifests.
kubectl apply -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  color: blue
  size: "3"
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
YAML
kubectl get cm
kubectl get configmap settings -o yaml
kubectl get svc
kubectl get svc web -o wide
