/**
 * Step Functions: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';

export const definition: ServiceDefinition = {
  name: 'stepfunctions',
  validationErrorCode: 'ValidationException',
  // AWS's ListExecutions statusFilter message lists the values in this order (recorded:
  // test_sfn_api.py::TestSnfApi::test_state_machine_status_filter, 14-03-2024).
  enumOrder: { ExecutionStatus: ['SUCCEEDED', 'TIMED_OUT', 'PENDING_REDRIVE', 'ABORTED', 'FAILED', 'RUNNING'] },
  // Its executions run as jobs of kind `sfn.execution`.
  lazy: { jobPrefix: 'sfn.' },
  create: async (platform) => (await import('./provider.js')).create(platform),
};
