// dist/office-panels.js: the panels and the EWS library they need, in a
// bundle of their own that the extension requires the first time a panel
// opens. Activation stays free of EWS code (a test reads dist/extension.js).
export { openInboxPanels, restoreInboxPanel, showInboxPanel, INBOX_VIEW_TYPE } from './panels/inbox-panel';
export type { InboxPanel, InboxPanelDeps, InboxPanelTrace } from './panels/inbox-panel';
export { openContactsPanels, restoreContactsPanel, showContactsPanel, CONTACTS_VIEW_TYPE } from './panels/contacts-panel';
export type { ContactsPanel } from './panels/contacts-panel';
export type { EwsPanelDeps, EwsPanelTrace } from './panels/ews-panel';
export { openTasksPanels, restoreTasksPanel, showTasksPanel, TASKS_VIEW_TYPE } from './panels/tasks-panel';
export type { TasksPanel } from './panels/tasks-panel';
export { PresenceWatch } from './panels/presence-watch';
export { recordPanelMessages } from './panels/message-record';
export type { MessageRecord, RecordedMessage } from './panels/message-record';
