# kubectl describe deployments, replicasets, statefulsets, daemonsets, jobs and cronjobs.
kubectl create deployment web --image=nginx --replicas=2 --port=80
kubectl set image deployment/web nginx=nginx:1.27
kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: pg
        image: postgres:16
        env:
        - name: POSTGRES_PASSWORD
          value: secret
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
---
apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  completions: 2
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: once
        image: busybox
        command: ["sh", "-c", "echo done"]
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "*/1 * * * *"
  successfulJobsHistoryLimit: 2
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: tick
            image: busybox
            command: ["date"]
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  labels:
    app: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: busybox
        command: ["sleep", "3600"]
        resources:
          limits:
            memory: 32Mi
EOF
sleep 90
kubectl get deploy,rs,sts,ds,job,cronjob
kubectl describe deployment web
kubectl describe rs
kubectl describe statefulset db
kubectl describe daemonset agent
kubectl describe job once
kubectl describe cronjob tick
kubectl describe deploy -l app=web
kubectl describe ds -n kube-system kube-proxy
