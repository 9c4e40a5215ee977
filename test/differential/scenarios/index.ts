import type { Scenario } from '../scenario';
import { aclMatching } from './acl-matching';
import { backups } from './backups';
import { cookies } from './cookies';
import { denyReturnAuth } from './deny-return-auth';
import { frontendsTls } from './frontends-tls';
import { hashRequest } from './hash-request';
import { hashSource } from './hash-source';
import { mapBackends } from './map-backends';
import { otherBalancing } from './other-balancing';
import { rateLimits } from './rate-limits';
import { redirects } from './redirects';
import { roundrobinWeights } from './roundrobin-weights';
import { ruleActions } from './rule-actions';
import { stickinessConverters } from './stickiness-converters';
import { tcpMode } from './tcp-mode';

/** Every differential scenario, in the order they are reported. */
export const SCENARIOS: Scenario[] = [
  roundrobinWeights, otherBalancing, hashSource, hashRequest, cookies, backups, rateLimits,
  redirects, denyReturnAuth, mapBackends, aclMatching, frontendsTls, tcpMode,
  ruleActions, stickinessConverters,
];
