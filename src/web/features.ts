import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app/context.ts';
import capacityApi from './capacity/api.ts';
import matchingApi from './matching/api.ts';
import notifications from './notifications/pages.ts';
import notificationsApi from './notifications/api.ts';
import partnershipsApi from './partnerships/api.ts';
import schoolsApi from './schools/api.ts';
import sessionApi from './accounts/session-api.ts';
import account from './accounts/account.ts';
import capacity from './capacity/pages.ts';
import health from './plugins/health.ts';
import map from './map/pages.ts';
import mapApi from './map/api.ts';
import partners from './matching/pages.ts';
import allocations from './matching/allocations.ts';
import readiness from './readiness/index.ts';
import partnershipForms from './partnerships/section-pages.ts';
import partnershipImpact from './partnerships/impact-pages.ts';
import partnershipReadiness from './partnerships/readiness-pages.ts';
import partnerships from './partnerships/pages.ts';
import practice from './practice/pages.ts';
import practiceApi from './practice/api.ts';
import admin from './admin/organisations.ts';
import organisationSchools from './organisations/schools.ts';
import adminPeople from './admin/people.ts';
import performanceProfiles from './admin/profiles.ts';
import audit from './admin/audit.ts';
import invitations from './accounts/invitations.ts';
import passwordReset from './accounts/password-reset.ts';
import schoolMembers from './accounts/school-members.ts';
import joinRequests from './accounts/join-requests.ts';
import schoolSettings from './schools/settings.ts';
import schoolSharing from './accounts/school-sharing.ts';
import signIn from './accounts/sign-in.ts';
import schools from './schools/pages.ts';
import leaderDirectory from './leaders/directory-pages.ts';
import leadersApi from './leaders/api.ts';
import ownLeaderProfile from './leaders/own-profile-pages.ts';
import leadersForNeeds from './leaders/school-needs-pages.ts';
import deploymentPages from './leaders/deployment-pages.ts';
import deploymentsApi from './leaders/deployments-api.ts';
import peerReviewApi from './peer-review/api.ts';
import peerReview from './peer-review/pages.ts';
import sponsorships from './sponsorships/pages.ts';

/** Every page and API module, registered in this order (add yours here). */
export const features: FastifyPluginAsync<AppContext>[] = [
  health,
  schools,
  schoolsApi,
  sessionApi,
  account,
  schoolSettings,
  capacity,
  capacityApi,
  map,
  mapApi,
  matchingApi,
  allocations,
  readiness,
  partnerships,
  partnershipForms,
  partnershipImpact,
  partnershipReadiness,
  partnershipsApi,
  notifications,
  notificationsApi,
  practice,
  practiceApi,
  partners,
  signIn,
  passwordReset,
  invitations,
  schoolMembers,
  joinRequests,
  schoolSharing,
  audit,
  admin,
  organisationSchools,
  sponsorships,
  adminPeople,
  performanceProfiles,
  leaderDirectory,
  leadersApi,
  ownLeaderProfile,
  leadersForNeeds,
  deploymentPages,
  deploymentsApi,
  peerReview,
  peerReviewApi,
];
