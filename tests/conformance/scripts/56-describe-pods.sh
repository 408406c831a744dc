# kubectl describe pod: Running, Pending (FailedScheduling), ImagePullBackOff, CrashLoopBackOff,
# and a pod with probes, volumes, env and an init container.
kubectl run web --image=nginx --labels=app=web,tier=front
kubectl run bad --image=ngnix
kubectl run crash --image=busybox -- sh -c 'exit 3'
kubectl apply -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  color: blue
---
apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  nodeSelector:
    kubernetes.io/os: linux
  tolerations:
  - key: dedicated
    operator: Equal
    value: gpu
    effect: NoSchedule
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "100"
---
apiVersion: v1
kind: Pod
metadata:
  name: full
  labels:
    app: full
  annotations:
    note: hello
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ["sh", "-c", "echo ready > /work/flag"]
    volumeMounts:
    - name: work
      mountPath: /work
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
      name: http
    env:
    - name: MODE
      value: prod
    - name: COLOR
      valueFrom:
        configMapKeyRef:
          name: cfg
          key: color
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    envFrom:
    - configMapRef:
        name: cfg
    resources:
      requests:
        cpu: 100m
        memory: 64Mi
      limits:
        memory: 128Mi
    readinessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
    livenessProbe:
      tcpSocket:
        port: 80
      initialDelaySeconds: 3
    volumeMounts:
    - name: work
      mountPath: /usr/share/nginx/html
      readOnly: true
    - name: conf
      mountPath: /etc/conf
  volumes:
  - name: work
    emptyDir: {}
  - name: conf
    configMap:
      name: cfg
EOF
sleep 60
kubectl get pods
kubectl describe pod web
kubectl describe pod huge
kubectl describe pod bad
kubectl describe pod crash
kubectl describe pod full
kubectl describe pods -l app=web
kubectl describe pods cr
kubectl describe pod nope
kubectl describe pod
