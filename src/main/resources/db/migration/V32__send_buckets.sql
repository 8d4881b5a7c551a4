-- One send-rate token bucket per channel for every instance together (issue 17): two instances
-- must not send Telegram 60 messages a second where it allows 30. Each claim of messages reserves
-- its tokens in one statement on this row, with the database's clock, so the instances' clocks
-- do not matter and an instance that dies holds nothing. Holds no personal data.
create table send_buckets (
    channel    text primary key,
    -- Tokens left (at most 1: sends are evenly paced); below zero, sends reserved ahead of the rate.
    tokens     double precision not null,
    updated_at timestamptz      not null
);
