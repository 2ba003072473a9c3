package io.kith.bench;

import io.kith.testing.TestDatabase;

/**
 * Fills the contact tables with individuals in a few set-based statements, the way a bulk import
 * would, rather than one request per record. Names repeat (as real names do) and a few carry
 * characters that need escaping in HTML.
 */
final class ContactLoader {

  private ContactLoader() {}

  static void load(TestDatabase db, int contacts) {
    db.execute("""
        insert into contact (subtype, prefix, first_name, last_name, gender, birth_date, display_name,
            do_not_phone, do_not_email, do_not_mail, do_not_sms, do_not_trade,
            preferred_communication_methods, email_format, source)
        select 'individual', p.prefix, p.first_name, p.last_name, p.gender, p.birth_date,
            p.first_name || ' ' || p.last_name,
            g % 17 = 0, g % 19 = 0, false, false, g % 23 = 0,
            case g % 3 when 0 then array['email']::varchar[] when 1 then array['phone', 'sms']::varchar[] end,
            case g % 2 when 0 then 'html' end,
            case g % 4 when 0 then 'Event sign-up' when 1 then 'Import <2019> & co' end
        from generate_series(1, :contacts) g
        cross join lateral (select
            (array['mr', 'mrs', 'ms', 'miss', 'dr', null])[1 + g % 6] as prefix,
            (array['Ada', 'Bo', 'Chan', 'Dora', 'Eli', 'Fung', 'Grace', 'Hui', 'Ivy', 'Jack', 'Kit', 'Lam',
                   'Mei', 'Ng', 'Oscar', 'Pat', 'Quinn', 'Rosa', 'Siu', 'Tam', 'Uma', 'Vic', 'Wing'])[1 + g % 23]
                as first_name,
            (array['Au', 'Brown', 'Cheung', 'Davis', 'Evans', 'Fong', 'Garcia', 'Ho', 'Ip', 'Jones', 'Kwok',
                   'Lee', 'Mak', 'Ng', 'O''Brien', 'Poon', 'Chan & Sons', 'Ross', 'Smith', 'Tsang', 'Wong',
                   'Yip', 'Zhang'])[1 + (g / 23) % 23] || ' ' || (g % 997) as last_name,
            (array['female', 'male', 'other', null])[1 + g % 4] as gender,
            date '1935-01-01' + (g * 37 % 26000) as birth_date) p
        """.replace(":contacts", Integer.toString(contacts)));
    db.execute("""
        insert into contact__emails (parent_id, position, email, location_type, is_primary, on_hold)
        select id, 0, 'contact' || id || '@example.org', 'home', true, false from contact
        union all
        select id, 1, 'c' || id || '@work.example.com', 'work', false, id % 50 = 0 from contact where id % 3 = 0
        """);
    db.execute("vacuum analyze contact");
    db.execute("vacuum analyze contact__emails");
  }
}
