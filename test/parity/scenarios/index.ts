import type { Scenario } from '../types.js';
import { certificateFaultScenarios } from './certificateFaults.js';
import { clientAuthScenarios } from './clientAuth.js';
import { extensionScenarios } from './extensions.js';
import { keyExchangeScenarios } from './groups.js';
import { keylogScenarios } from './keylog.js';
import { keyUpdateScenario } from './keyUpdate.js';
import { lifecycleScenarios } from './lifecycle.js';
import { resumptionScenarios } from './resumption.js';
import { shutdownScenarios } from './shutdown.js';
import { signatureScenarios } from './signatures.js';
import { suiteScenarios } from './suites.js';
import { ticketRotationScenarios } from './ticketRotation.js';
import { versionScenarios } from './versions.js';

/** Every feature of the parity table, in the order of its rows. */
export const SCENARIOS: readonly Scenario[] = [
  ...versionScenarios,
  ...suiteScenarios,
  ...keyExchangeScenarios,
  ...signatureScenarios,
  ...extensionScenarios,
  ...clientAuthScenarios,
  ...resumptionScenarios,
  ...ticketRotationScenarios,
  keyUpdateScenario,
  ...shutdownScenarios,
  ...lifecycleScenarios,
  ...keylogScenarios,
  ...certificateFaultScenarios,
];
