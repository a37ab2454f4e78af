import type { FastifyInstance } from 'fastify';
import { paths } from '../../../platform/paths.js';
import type { DirectoryRecords } from '../records.js';
import { directoryManageHandlers } from './handlers.js';

export interface DirectoryManageRoutesOptions {
  records: DirectoryRecords;
}

/**
 * Staff maintenance of directory records. Site research offices keep their own organisation's
 * capabilities, people and organisation record; the alliance office and administrators keep
 * everyone's, add organisations and publish. Which records a user sees is decided by
 * DirectoryRecords, so a record of another organisation is simply not found.
 */
export default async function directoryManageRoutes(
  app: FastifyInstance,
  { records }: DirectoryManageRoutesOptions,
) {
  const handlers = directoryManageHandlers(records);
  const maintainers = { access: ['admin', 'alliance-office', 'site-office'] } as const;
  const office = { access: ['admin', 'alliance-office'] } as const;

  app.get(paths.manage, { config: maintainers }, handlers.dashboard);

  app.get(paths.manageCapabilities, { config: maintainers }, handlers.list('capability'));
  app.get(paths.manageNewCapability, { config: maintainers }, handlers.newCapability);
  app.post(paths.manageNewCapability, { config: maintainers }, handlers.createCapability);
  app.get(paths.manageCapability, { config: maintainers }, handlers.showRecord('capability'));
  app.get(paths.manageEditCapability, { config: maintainers }, handlers.editCapability);
  app.post(paths.manageEditCapability, { config: maintainers }, handlers.updateCapability);
  app.post(
    paths.manageCapabilityStatus,
    { config: maintainers },
    handlers.changeStatus('capability'),
  );

  app.get(paths.managePeople, { config: maintainers }, handlers.list('person'));
  app.get(paths.manageNewPerson, { config: maintainers }, handlers.newPerson);
  app.post(paths.manageNewPerson, { config: maintainers }, handlers.createPerson);
  app.get(paths.managePerson, { config: maintainers }, handlers.showRecord('person'));
  app.get(paths.manageEditPerson, { config: maintainers }, handlers.editPerson);
  app.post(paths.manageEditPerson, { config: maintainers }, handlers.updatePerson);
  app.post(paths.managePersonStatus, { config: maintainers }, handlers.changeStatus('person'));

  app.get(paths.manageOrganisations, { config: maintainers }, handlers.list('organisation'));
  // Only the alliance office adds organisations; a site office keeps its own one up to date.
  app.get(paths.manageNewOrganisation, { config: office }, handlers.newOrganisation);
  app.post(paths.manageNewOrganisation, { config: office }, handlers.createOrganisation);
  app.get(paths.manageOrganisation, { config: maintainers }, handlers.showRecord('organisation'));
  app.get(paths.manageEditOrganisation, { config: maintainers }, handlers.editOrganisation);
  app.post(paths.manageEditOrganisation, { config: maintainers }, handlers.updateOrganisation);
  app.post(
    paths.manageOrganisationStatus,
    { config: maintainers },
    handlers.changeStatus('organisation'),
  );
}
