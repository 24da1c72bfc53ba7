"""Round 31's rules (recall audit rec39: the general causes of missed task keys on the dev notices), on snippets
shaped like real notices. Each test builds the notice directly (doc, date as the header would give them) and checks
every fact's evidence, as tests/test_round30_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_unit_settling_by_the_real_amount_or_commissioning_the_work_has_the_duty():
    # '…,由市财政局据实补贴。', '…后,由市发展改革委委托有资质的机构进行检验': 据实 (settling by the real amount) and 委托
    # (commissioning the work) open the unit's duty after 由, as 依据 and 予以 do (duty_verbs.tsv)
    text = ("第二十条  应急动用储备粮产生的价差收入应当上缴市财政局，产生的价差亏损和相关费用，由市财政局据实补贴。\n"
            "第二十一条  储备粮采购入库平仓结束后，由市发展改革委委托有资质的粮食检验机构进行入库验收检验。\n")
    facts, _ = _facts(text, doc="甲府〔2023〕1号", date="2023-09-05")
    assert _tasks(facts) == [((), ("市财政局",), None), ((), ("市发展改革委",), None)]
    # who was commissioned (受…委托) does no duty of its own
    text2 = "会议听取了区经委副主任张三受区人民政府委托所作的工作报告。\n"
    facts, _ = _facts(text2, doc="甲府〔2023〕2号", date="2023-09-05")
    assert _tasks(facts) == []


def test_a_conditional_duty_of_a_kind_of_unit_named_by_its_field_is_a_task():
    # round 28's convention 5: '…的,由属地建设管理部门责令限期整改…', '凡未按照时限达到进度的,财政部门将…收回…',
    # '对…燃放烟花爆竹的,由公安机关责令停止燃放…': the kind of unit the case is given to, named by its field, is its
    # assignee (责令 opens its duty, duty_verbs.tsv); every unit of a kind (当地政府及有关部门) or a role's units
    # (由主办部门牵头…) after a case stay unread, as before
    text = ("四、加强监管。楼宇业主未按规定履行义务的，由属地建设管理部门责令限期整改。\n"
            "五、凡未按照时限达到进度的,财政部门将未达到比例部分收回同级财政。\n"
            "六、对春节期间在县城燃放烟花爆竹的,由公安机关责令停止燃放,处100元以上500元以下的罚款。\n")
    facts, _ = _facts(text, doc="甲府〔2023〕3号", date="2023-09-05")
    assert _tasks(facts) == [((), ("属地建设管理部门",), None), ((), ("财政部门",), None), ((), ("公安机关",), None)]
    text2 = ("一、办成公办园的,当地政府及有关部门要做好教师配备等方面的工作。\n"
             "二、需要召开会议的,由主办部门牵头建立联席会议制度。\n")
    facts, _ = _facts(text2, doc="甲府〔2023〕4号", date="2023-09-05")
    assert _tasks(facts) == []


def test_a_unit_asked_to_send_staff_or_acting_if_a_case_arises_has_the_duty():
    # '请某报社、县电视台派记者参加。' (派员, 派记者, 派专人: duty_verbs.tsv) and '各县市区如遇…调整,请及时明确…' (如遇: a named
    # unit's conditional duty, round 28's convention 5) are tasks; a meeting notice's '一、时间:4月9日上午8:00开始,会期半天'
    # is the event's time, no deadline of the work (as 会议时间, round 6)
    text = ("关于召开全县某工作会议的通知\n各镇人民政府:\n一、时间:4月9日上午8:00开始,会期半天。\n二、地点:县政府会议室。\n"
            "三、请甲日报社、县电视台派记者参加。\n四、各镇如遇负责人调整,请及时明确新的责任人,并报县应急局备案。\n")
    facts, _ = _facts(text, doc="甲政办〔2003〕5号", date="2003-04-03")
    assert _tasks(facts) == [((), ("甲日报社", "县电视台"), None), ((), ("各镇",), None)]


def test_a_list_of_fields_a_comma_then_each_ones_duty_is_the_subject():
    # round 28's convention 1 left '县应急、综合执法、市场监管、环保等部门,依照各自职责依法查处…' unread (a comma and no
    # modal after the list): a list ending in 等部门 (or 等部门单位), a comma, then 依照/按照各自职责 is the subject of
    # the duty, its fields bare; a single unit before such a comma is not read so
    text = "三、甲应急、综合执法、市场监管等部门,依照各自职责依法查处违法生产、销售等行为。\n"
    facts, _ = _facts(text, doc="甲政〔2021〕7号", date="2021-01-05")
    assert _tasks(facts) == [((), ("甲应急", "综合执法", "市场监管"), None)]
    text2 = "三、综合执法部门,依照各自职责依法查处违法生产、销售等行为。\n"
    facts, _ = _facts(text2, doc="甲政〔2021〕8号", date="2021-01-05")
    assert _tasks(facts) == []


def test_a_list_after_a_leading_clause_then_each_ones_duty_is_read():
    # '第四十一条 按照…规定,A、B等部门单位,按照各自职责,对…进行监督检查': a comma clause whose list goes on with 按照各自职责
    # opens a duty as a strict verb would
    text = ("第四十一条  按照《甲省储备粮管理办法》规定,市发展改革委、市财政局等部门单位,按照各自职责,"
            "对执行本办法进行监督检查。\n")
    facts, _ = _facts(text, doc="甲府〔2023〕5号", date="2023-09-05")
    assert _tasks(facts) == [((), ("市发展改革委", "市财政局"), None)]
