/**
 * Camera connectivity (R1.5, R1.7, R2.1, R2.2, R4.7). So far: the ONVIF Profile S protocol layer — hardened XML
 * parsing, one small decoder per response, WS-UsernameToken digest authentication. Connectors, the 24/7 health
 * monitor, the logbook and live view come with the rest of the camera issue.
 */
package io.epewatch.camera;
