/**
 * Notices to people (issue 7.7): in the app, and by e-mail through SMTP for those who gave an address; incident
 * opened, deadline on the next working day, overdue, a working day without follow-up. {@link
 * io.epewatch.notification.Notifications} is its API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "calendar", "identity", "incident", "kernel", "planning", "registry"})
package io.epewatch.notification;
