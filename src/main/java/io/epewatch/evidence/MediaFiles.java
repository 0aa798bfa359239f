package io.epewatch.evidence;

/** File-name extensions of the media types evidence comes in; one mapping for the store and the export packages. */
public final class MediaFiles {

    private MediaFiles() {
    }

    /** The extension without the dot; {@code bin} for a type we do not know. */
    public static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "video/mp4" -> "mp4";
            case "video/mp2t" -> "ts";
            default -> "bin";
        };
    }
}
