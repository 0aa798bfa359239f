/**
 * Simulated IP cameras on 127.0.0.1 for the tests, the demo profile and the benchmark: each really speaks ONVIF
 * (SOAP 1.2 with WS-UsernameToken), serves JPEG snapshots over HTTP (Basic or Digest) and an H.264 stream over RTSP
 * (RTP over TCP-interleaved or UDP), of generated frames — a truck with a Vietnamese plate and a container number
 * crossing a gate, with the camera's clock burnt in. Switches make a camera go offline, freeze, go black or answer
 * slowly. Depends on nothing else in EPE Watch: it stands for the outside world.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.epewatch.simulator;
