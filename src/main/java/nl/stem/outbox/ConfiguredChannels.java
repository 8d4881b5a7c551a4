package nl.stem.outbox;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Which channels this installation can send on: those whose {@link ChannelSender} has its
 * credentials. The panel asks here before it invites anyone, so it needs no channel's configuration.
 */
@ApplicationScoped
public class ConfiguredChannels {
    private final Instance<ChannelSender> senders;

    public ConfiguredChannels(Instance<ChannelSender> senders) {
        this.senders = senders;
    }

    /** The names of the channels that can send, e.g. {@code [telegram, whatsapp]}. */
    public Set<String> ids() {
        Set<String> out = new TreeSet<>();
        for (ChannelSender s : senders) {
            if (s.configured()) {
                out.add(s.channel());
            }
        }
        return out;
    }
}
