package io.kith.bench;

import io.kith.testing.TestDatabase;

/**
 * Fills the contact tables with a realistic Hong Kong mix of individuals for the search benchmark,
 * in a few set-based statements: 40% Traditional Chinese names (陳大文), 20% Simplified Chinese
 * (陈志伟), 40% Latin names (Tai Man Chan, Mary Smith); emails from romanised names on common
 * domains (a second, work address for every third contact), Hong Kong and mainland phone numbers
 * for four in five, and an external id {@code P<n>} per row that ties the child rows to their
 * contact. Search columns are not written here: Kith fills them (see the benchmark).
 */
final class PeopleLoader {

  private PeopleLoader() {}

  static void load(TestDatabase db, int contacts) {
    db.execute("""
        create unlogged table bench_people as
        select g::bigint as g,
               case when g % 10 < 4 then 'trad' when g % 10 < 6 then 'simp' else 'latin' end as script,
               (1 + g * 7 % 24)::integer as surname,
               (1 + g / 24 * 13 % 40)::integer as given1,
               (1 + g / 960 * 29 % 40)::integer as given2,
               (1 + g / 24 * 11 % 20)::integer as latin_first,
               (1 + g * 7 % 24)::integer as latin_last
          from generate_series(1, :contacts) g
        """.replace(":contacts", Integer.toString(contacts)));
    db.execute("""
        insert into contact (subtype, first_name, last_name, gender, birth_date, external_identifier,
            do_not_phone, do_not_email, do_not_mail, do_not_sms, do_not_trade, preferred_communication_methods)
        select 'individual',
               case p.script
                 when 'trad' then substr('大小文明美玲志偉嘉欣家豪子健詠詩俊傑浩然曉彤凱琳宇軒樂天思穎國強秀英麗華建新德輝', p.given1, 1)
                               || substr('大小文明美玲志偉嘉欣家豪子健詠詩俊傑浩然曉彤凱琳宇軒樂天思穎國強秀英麗華建新德輝', p.given2, 1)
                 when 'simp' then substr('大小文明美玲志伟嘉欣家豪子健咏诗俊杰浩然晓彤凯琳宇轩乐天思颖国强秀英丽华建新德辉', p.given1, 1)
                               || substr('大小文明美玲志伟嘉欣家豪子健咏诗俊杰浩然晓彤凯琳宇轩乐天思颖国强秀英丽华建新德辉', p.given2, 1)
                 else (array['Tai Man', 'Mary', 'John', 'Ka Ming', 'Wing Yan', 'Peter', 'Grace', 'Siu Fong', 'David',
                             'Winnie', 'Chi Keung', 'Emily', 'Michael', 'Ho Yin', 'Alice', 'Kelvin', 'Joyce', 'Raymond',
                             'Candy', 'Eric'])[p.latin_first] end,
               case p.script
                 when 'trad' then (array['陳', '李', '張', '黃', '何', '林', '吳', '劉', '蔡', '楊', '周', '鄭', '梁', '謝',
                                         '王', '趙', '馮', '鄧', '曾', '彭', '葉', '蘇', '盧', '蔣'])[p.surname]
                 when 'simp' then (array['陈', '李', '张', '黄', '何', '林', '吴', '刘', '蔡', '杨', '周', '郑', '梁', '谢',
                                         '王', '赵', '冯', '邓', '曾', '彭', '叶', '苏', '卢', '蒋'])[p.surname]
                 else (array['Chan', 'Wong', 'Cheung', 'Lee', 'Ng', 'Lam', 'Ho', 'Leung', 'Lau', 'Tsang', 'Yip', 'Chow',
                             'Smith', 'Brown', 'Garcia', 'Kwok', 'Fung', 'Tang', 'Mak', 'Poon', 'Au', 'Yeung', 'Ip',
                             'Choi'])[p.latin_last] end,
               (array['female', 'male', 'female', 'male', 'other', null])[1 + p.g % 6],
               date '1935-01-01' + (p.g * 37 % 26000)::integer,
               'P' || p.g,
               p.g % 17 = 0, p.g % 19 = 0, false, false, p.g % 23 = 0,
               case p.g % 3 when 0 then array['email']::varchar[] when 1 then array['phone', 'sms']::varchar[] end
          from bench_people p order by p.g
        """);
    db.execute("""
        insert into contact__emails (parent_id, position, email, location_type, is_primary, on_hold)
        select c.id, 0, e.local || '@' || (array['gmail.com', 'yahoo.com.hk', 'outlook.com', 'netvigator.com',
                                                '163.com', 'qq.com', 'hotmail.com'])[1 + p.g % 7],
               'home', true, false
          from bench_people p
          join contact c on c.external_identifier = 'P' || p.g
          cross join lateral (select case p.script
                 when 'trad' then (array['chan', 'lee', 'cheung', 'wong', 'ho', 'lam', 'ng', 'lau', 'choi', 'yeung',
                                         'chow', 'cheng', 'leung', 'tse', 'wong', 'chiu', 'fung', 'tang', 'tsang',
                                         'pang', 'yip', 'so', 'lo', 'tseung'])[p.surname] || '.' || (p.g % 9973)
                 when 'simp' then (array['chen', 'li', 'zhang', 'huang', 'he', 'lin', 'wu', 'liu', 'cai', 'yang',
                                         'zhou', 'zheng', 'liang', 'xie', 'wang', 'zhao', 'feng', 'deng', 'zeng',
                                         'peng', 'ye', 'su', 'lu', 'jiang'])[p.surname] || (p.g % 99991)
                 else lower(replace(c.first_name, ' ', '')) || '.' || lower(c.last_name) || (p.g % 997) end as local) e
        union all
        select c.id, 1, 'p' || p.g || '@work.example.com.hk', 'work', false, p.g % 50 = 0
          from bench_people p
          join contact c on c.external_identifier = 'P' || p.g
         where p.g % 3 = 0
        """);
    db.execute("""
        insert into contact__phones (parent_id, position, phone, phone_type, location_type, is_primary)
        select c.id, 0,
               case when p.g % 10 < 7
                 then '+852 ' || (array['2', '3', '5', '6', '9'])[1 + p.g % 5] || lpad((p.g * 7919 % 1000)::text, 3, '0')
                      || ' ' || lpad((p.g * 104729 % 10000)::text, 4, '0')
                 else '+86 13' || (p.g % 10) || ' ' || lpad((p.g * 7919 % 10000)::text, 4, '0')
                      || ' ' || lpad((p.g * 104729 % 10000)::text, 4, '0') end,
               case when p.g % 2 = 0 then 'mobile' else 'phone' end, 'home', true
          from bench_people p
          join contact c on c.external_identifier = 'P' || p.g
         where p.g % 5 <> 0
        """);
    db.execute("drop table bench_people");
  }
}
