package nl.stem.panel.member;

import java.util.List;

/** One page of a member search: {@code total} matches, of which {@code members} from {@code offset} on. */
public record MemberPage(long total, int limit, int offset, List<Member> members) {
}
