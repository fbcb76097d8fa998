-- pgbench: the inbox page's queries run raw (first page of "chờ xử lý" and the counters in one statement;
-- bench officers are not clerks, so no "not presented" count) for a random bench officer — the
-- reference for the inbox benchmark.
\set i random(1, :officers)
select a.id, a.role, a.state, a.due_on, a.assigned_by, a.direction, d.*, r.year
from documents.assignment a join documents.incoming d on d.id = a.incoming_id
join documents.register r on r.id = d.register_id
where (a.officer_id = (select officer_id from bench_officer where idx = :i) or a.unit_id = any('{}'::bigint[]))
  and a.state = 'PENDING' and a.role <> 'INFORMATION'
order by (d.urgency <> 'NORMAL') desc, a.due_on nulls last, d.arrived_at desc, d.id desc offset 0 limit 51;
select count(*) filter (where a.state = 'PENDING' and a.role <> 'INFORMATION'),
       count(*) filter (where a.state in ('IN_PROGRESS', 'FORWARDED') and a.role <> 'PRESENTED'),
       count(*) filter (where a.state in ('PENDING', 'IN_PROGRESS', 'FORWARDED') and a.role not in ('PRESENTED', 'INFORMATION') and a.due_on between current_date and current_date + 3),
       count(*) filter (where a.state in ('PENDING', 'IN_PROGRESS', 'FORWARDED') and a.role not in ('PRESENTED', 'INFORMATION') and a.due_on < current_date),
       count(*) filter (where a.state = 'PENDING' and a.role = 'INFORMATION')
from documents.assignment a
where (a.officer_id = (select officer_id from bench_officer where idx = :i) or a.unit_id = any('{}'::bigint[]))
  and a.state in ('PENDING', 'IN_PROGRESS', 'FORWARDED');
