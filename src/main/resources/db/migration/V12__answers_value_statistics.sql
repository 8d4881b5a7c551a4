-- How many distinct answer values there are per question, for the planner: the results aggregate a
-- wave's answers by question and value, and without these statistics PostgreSQL guesses a million
-- groups and sorts every answer instead of counting them in a small hash table.
create statistics answers_values (ndistinct) on question_id, (value ->> 'kind'), (value ->> 'choices'), (value ->> 'number')
    from answers;
analyze answers;
