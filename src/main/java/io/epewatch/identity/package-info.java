/**
 * Who may do what: customs units (department → sub-department), people with roles, machine API tokens, and
 * the {@link io.epewatch.identity.AccessScope} every other module applies in its queries so an officer sees
 * only the enterprises of their own sub-department.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel"})
package io.epewatch.identity;
