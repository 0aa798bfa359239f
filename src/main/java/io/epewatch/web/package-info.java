/**
 * The shell of the UI: layout, navigation, language switch (Vietnamese first, English second) and the home
 * dashboard. Each module keeps its own pages; this one only frames them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "camera", "camera :: timeline", "gate", "identity", "incident", "kernel", "planning", "registry",
        "risk"})
package io.epewatch.web;
