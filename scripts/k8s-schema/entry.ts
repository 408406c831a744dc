// The kinds the editor's JSON schema covers (input to gen-k8s-schema.mjs, never imported).
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2'
import type { CronJob, Job } from 'kubernetes-types/batch/v1'
import type { ConfigMap, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, Secret, Service, ServiceAccount } from 'kubernetes-types/core/v1'
import type { Ingress, NetworkPolicy } from 'kubernetes-types/networking/v1'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1'
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1'
import type { StorageClass } from 'kubernetes-types/storage/v1'

export type K8sResource =
  | Deployment
  | StatefulSet
  | DaemonSet
  | ReplicaSet
  | Pod
  | Service
  | ConfigMap
  | Secret
  | Namespace
  | Node
  | ServiceAccount
  | PersistentVolume
  | PersistentVolumeClaim
  | StorageClass
  | Job
  | CronJob
  | Ingress
  | NetworkPolicy
  | HorizontalPodAutoscaler
  | PodDisruptionBudget
  | Role
  | RoleBinding
  | ClusterRole
  | ClusterRoleBinding
