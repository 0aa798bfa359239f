package io.epewatch.tracking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Maps of tracks and geofences ({@code epewatch.map.*}). Without a tile server the map is drawn on a plain
 * background — a customs network often reaches no map service, and the shapes are what matters.
 *
 * @param tiles       a tile URL template such as {@code https://tiles.example.vn/{z}/{x}/{y}.png}; blank for none
 * @param attribution the tiles' credit line
 */
@ConfigurationProperties("epewatch.map")
public record MapProperties(@DefaultValue("") String tiles, @DefaultValue("") String attribution) {
}
