/**
 * The EPE's recorded footage reached from customs (R2.2): ONVIF Profile G search and RTSP replay, playback in the page,
 * spans pulled into evidence, and the recent footage of gate cameras from which passage clips are cut (issue 20).
 */
@org.springframework.modulith.NamedInterface("archive")
package io.epewatch.camera.archive;
