# kubectl create job / create cronjob, and the CronJob schedule validation.
kubectl create job
kubectl create job j1
kubectl create job j1 --image=busybox --from=cronjob/x
kubectl create job j1 --from=cronjob/x -- date
kubectl create job j1 --from=cronjob/x
kubectl create job j1 --from=deployment/x
kubectl create cronjob
kubectl create cronjob c1
kubectl create cronjob c1 --image=busybox
kubectl create cronjob c1 --image=busybox --schedule="*/1 * * * *" --restart=Always
kubectl create cronjob c0 --image=busybox --schedule="bad"
kubectl create cronjob c1 --image=busybox --schedule="*/1 * * * *" -- date
kubectl create cronjob c2 --image=busybox --schedule="*/5 * * * *" --dry-run=client -o yaml -- sh -c "echo hi"
kubectl create job j2 --image=busybox --dry-run=client -o yaml -- echo hi
kubectl create job j3 --from=cronjob/c1 --dry-run=client -o yaml
kubectl create job j3 --from=cronjob/c1
kubectl create job j4 --image=busybox -- echo hi
kubectl create job j4 --image=busybox
kubectl create cronjob a1 --image=busybox --schedule="bad"
kubectl create cronjob a2 --image=busybox --schedule="61 * * * *"
kubectl create cronjob a3 --image=busybox --schedule="*/0 * * * *"
kubectl create cronjob a4 --image=busybox --schedule="@weekly"
kubectl create cronjob a5 --image=busybox --schedule="@fortnightly"
kubectl create cronjob a6 --image=busybox --schedule="0 0 * * 7"
kubectl create cronjob a7 --image=busybox --schedule="TZ=UTC 0 0 * * *"
kubectl create cronjob a8 --image=busybox --schedule="x 0 * * mon-fri"
kubectl create cronjob a9 --image=busybox --schedule="5-1 0 * * *"
kubectl create cronjob b1 --image=busybox --schedule="0 0 1-2-3 * *"
kubectl create cronjob b2 --image=busybox --schedule="0 0 * JAN-DEC/2 *"
sleep 5
kubectl get jobs
kubectl get cronjobs
kubectl create job manual --from=cronjob/c1
kubectl get job manual -o yaml
