# Job podFailurePolicy, backoffLimitPerIndex and successPolicy: status, conditions, events, validation.
kubectl apply -f - <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: pfp
spec:
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        containerName: main
        operator: In
        values: [42]
    - action: Ignore
      onPodConditions:
      - type: DisruptionTarget
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "sleep 2; exit 42"]
YAML
kubectl apply -f - <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: per-index
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  backoffLimitPerIndex: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "sleep 2; if [ $JOB_COMPLETION_INDEX = 1 ]; then exit 1; fi"]
YAML
kubectl apply -f - <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: leader
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  successPolicy:
    rules:
    - succeededIndexes: "0"
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "if [ $JOB_COMPLETION_INDEX = 0 ]; then sleep 2; else sleep 600; fi"]
YAML
sleep 90
kubectl get jobs
kubectl get job pfp -o yaml
kubectl get job per-index -o json
kubectl get job leader -o yaml
kubectl get events --field-selector involvedObject.kind=Job --sort-by=.metadata.name
kubectl apply -f - <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: bad
spec:
  backoffLimitPerIndex: 1
  podFailurePolicy:
    rules:
    - action: FailIndex
      onExitCodes:
        operator: In
        values: [0, 2, 1]
    - action: Ignore
  template:
    spec:
      restartPolicy: OnFailure
      containers:
      - name: main
        image: busybox:1.36
YAML
