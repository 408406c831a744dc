# The scheduler's VolumeBinding: WaitForFirstConsumer provisioning on the chosen node, local volumes, unbound Immediate claims.
kubectl apply -f - <<YAML
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
YAML
kubectl get pvc data
sleep 30
kubectl get pvc data -o wide
kubectl get pods -o wide
kubectl get pvc data -o jsonpath='{.metadata.annotations}'
kubectl apply -f - <<YAML
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: manual
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: Immediate
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: scratch
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: scratch
YAML
sleep 10
kubectl get pods worker -o wide
kubectl get events --field-selector involvedObject.name=worker
kubectl apply -f - <<YAML
apiVersion: v1
kind: PersistentVolume
metadata:
  name: local-pv
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  local:
    path: /mnt/disks/ssd1
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - key: kubernetes.io/hostname
          operator: In
          values: [node-2]
YAML
sleep 30
kubectl get pv local-pv
kubectl get pvc scratch
kubectl get pods worker -o wide
