#!/usr/bin/python3
"""An RTSP server no one on this project wrote: Debian's GStreamer RTSP server (gst-rtsp-server), serving a test
pattern as H.264 (x264enc) at /cam, behind Digest authentication. The interoperability peer for our RTSP client.

usage: gst_rtsp_server.py PORT USERNAME PASSWORD WIDTH HEIGHT FPS
Prints "READY <port>" once it listens; runs until stdin closes.
"""
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def main():
    port, username, password, width, height, fps = sys.argv[1:7]
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)

    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        f"( videotestsrc is-live=true pattern=ball ! video/x-raw,width={width},height={height},framerate={fps}/1 "
        f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} ! rtph264pay name=pay0 pt=96 config-interval=1 )")
    factory.set_shared(True)
    factory.set_protocols(GstRtsp.RTSPLowerTrans.TCP | GstRtsp.RTSPLowerTrans.UDP)

    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "viewer")
    auth.add_digest(username, password, token)
    auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    server.set_auth(auth)
    permissions = GstRtspServer.RTSPPermissions()
    permissions.add_permission_for_role("viewer", "media.factory.access", True)
    permissions.add_permission_for_role("viewer", "media.factory.construct", True)
    factory.set_permissions(permissions)

    server.get_mount_points().add_factory("/cam", factory)
    if server.attach(None) == 0:
        print("FAILED to listen", flush=True)
        sys.exit(1)
    loop = GLib.MainLoop()
    threading.Thread(target=lambda: (sys.stdin.read(), loop.quit()), daemon=True).start()
    print(f"READY {port}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
