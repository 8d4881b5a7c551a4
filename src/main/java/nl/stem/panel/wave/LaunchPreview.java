package nl.stem.panel.wave;

import java.util.Map;

/**
 * Who a launch would invite and who it would leave out, before launching. Example: 480 invited
 * (300 on WhatsApp, 180 on Telegram, 20 of those by a link to hand out), 9 left out as opted out.
 *
 * @param invited   members the launch would invite
 * @param byChannel of them, per channel
 * @param links     Telegram members not linked yet, who would get a link to hand out
 * @param excluded  members left out, by reason (as {@link LaunchReport#excluded()})
 */
public record LaunchPreview(int invited, Map<String, Integer> byChannel, int links, Map<String, Integer> excluded) {
    public LaunchPreview {
        byChannel = Map.copyOf(byChannel);
        excluded = Map.copyOf(excluded);
    }
}
