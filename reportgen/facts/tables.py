"""Facts step, data: the units, scales, qualifiers and cues the fact matcher reads (rules as data)."""

from __future__ import annotations

# Scale words between a number and its unit: 2.82亿元, 1.3万亿斤, 15万人次.
SCALES: dict[str, float] = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "千万": 1e7,
    "百万": 1e6,
    "亿": 1e8,
    "万": 1e4,
    "千": 1e3,
    "百": 1e2,
}

# Unit as written -> (base unit, factor to the base unit, category). A unit that itself carries a
# scale (万千瓦) is listed with its factor; the longest written form wins, so 千瓦 beats the scale 千
# and 个百分点 beats 个. The category drives the English rendering.
UNITS: dict[str, tuple[str, float, str]] = {
    # money
    "元": ("元", 1.0, "money"),
    "美元": ("美元", 1.0, "money_usd"),
    # shares and points
    "%": ("%", 1.0, "percent"),
    "％": ("%", 1.0, "percent"),
    "‰": ("‰", 1.0, "permille"),
    "个百分点": ("个百分点", 1.0, "point"),
    "百分点": ("个百分点", 1.0, "point"),
    "倍": ("倍", 1.0, "times"),
    # area
    "亩": ("亩", 1.0, "area"),
    "公顷": ("公顷", 1.0, "area"),
    "平方米": ("平方米", 1.0, "area"),
    "平米": ("平方米", 1.0, "area"),
    "平方公里": ("平方公里", 1.0, "area"),
    "平方千米": ("平方公里", 1.0, "area"),
    # length
    "公里": ("公里", 1.0, "length"),
    "千米": ("公里", 1.0, "length"),
    "延米": ("米", 1.0, "length"),
    "米": ("米", 1.0, "length"),
    # mass
    "吨": ("吨", 1.0, "mass"),
    "公斤": ("公斤", 1.0, "mass"),
    "千克": ("公斤", 1.0, "mass"),
    "斤": ("斤", 1.0, "mass"),
    "蒸吨": ("蒸吨", 1.0, "boiler"),
    "吨标准煤": ("吨标准煤", 1.0, "mass"),
    # volume
    "立方米": ("立方米", 1.0, "volume"),
    "方": ("立方米", 1.0, "volume"),
    # power and energy
    "千瓦": ("千瓦", 1.0, "power"),
    "万千瓦": ("千瓦", 1e4, "power"),
    "兆瓦": ("千瓦", 1e3, "power"),
    "千瓦时": ("千瓦时", 1.0, "energy"),
    # concentration
    "微克/立方米": ("微克/立方米", 1.0, "concentration"),
    "毫克/升": ("毫克/升", 1.0, "concentration"),
    # people
    "人次": ("人次", 1.0, "people_times"),
    "人口": ("人", 1.0, "people"),
    "人": ("人", 1.0, "people"),
    "名": ("人", 1.0, "people"),
    "位": ("人", 1.0, "people"),
    "户": ("户", 1.0, "households"),
    # things counted
    "个": ("个", 1.0, "count"),
    "项": ("项", 1.0, "count"),
    "座": ("座", 1.0, "count"),
    "所": ("所", 1.0, "count"),
    "辆": ("辆", 1.0, "count"),
    "套": ("套", 1.0, "count"),
    "件": ("件", 1.0, "count"),
    "期": ("期", 1.0, "count"),
    "条": ("条", 1.0, "count"),
    "家": ("家", 1.0, "count"),
    "村": ("村", 1.0, "count"),
    "处": ("处", 1.0, "count"),
    "台": ("台", 1.0, "count"),
    "台套": ("台套", 1.0, "count"),
    "部": ("部", 1.0, "count"),
    "张": ("张", 1.0, "count"),
    "场": ("场", 1.0, "count"),
    "场次": ("场次", 1.0, "count"),
    "次": ("次", 1.0, "count"),
    "批": ("批", 1.0, "count"),
    "批次": ("批次", 1.0, "count"),
    "种": ("种", 1.0, "count"),
    "类": ("类", 1.0, "count"),
    "大类": ("大类", 1.0, "count"),
    "宗": ("宗", 1.0, "count"),
    "笔": ("笔", 1.0, "count"),
    "份": ("份", 1.0, "count"),
    "册": ("册", 1.0, "count"),
    "栋": ("栋", 1.0, "count"),
    "幢": ("幢", 1.0, "count"),
    "间": ("间", 1.0, "count"),
    "眼": ("眼", 1.0, "count"),
    "口": ("口", 1.0, "count"),
    "盏": ("盏", 1.0, "count"),
    "株": ("株", 1.0, "count"),
    "棵": ("株", 1.0, "count"),
    "头": ("头", 1.0, "count"),
    "只": ("只", 1.0, "count"),
    "头只": ("头只", 1.0, "count"),
    "羽": ("羽", 1.0, "count"),
    "支": ("支", 1.0, "count"),
    "篇": ("篇", 1.0, "count"),
    "块": ("块", 1.0, "count"),
    "艘": ("艘", 1.0, "count"),
    "架": ("架", 1.0, "count"),
    "床": ("张", 1.0, "count"),
    "标段": ("标段", 1.0, "count"),
    "网点": ("个", 1.0, "count"),
    # time spans that are measured results ("压缩至3个工作日" is 3个; 年 is never a unit: years)
    "天": ("天", 1.0, "days"),
    "小时": ("小时", 1.0, "hours"),
}

# Nouns that are their own unit: a 万/亿 number takes a noun without a measure word (1700多万困难
# 群众, 9亿劳动力, 900多万个体工商户; smaller numbers need one: 300名学生), so such a number counts
# the people or households its noun names. Matched as the head of the noun after the number, at
# most COUNTED_NOUN_SPAN characters on; 人 alone is the unit 人 and has its own blockers.
COUNTED_NOUNS: dict[str, str] = {
    "人口": "人",
    "人民": "人",
    "群众": "人",
    "居民": "人",
    "农民工": "人",
    "农民": "人",
    "农牧民": "人",
    "牧民": "人",
    "市民": "人",
    "村民": "人",
    "移民": "人",
    "职工": "人",
    "工人": "人",
    "劳动者": "人",
    "劳动力": "人",
    "人员": "人",
    "干部": "人",
    "党员": "人",
    "学生": "人",
    "在校生": "人",
    "寄宿生": "人",
    "毕业生": "人",
    "儿童": "人",
    "孩子": "人",
    "老人": "人",
    "教师": "人",
    "患者": "人",
    "纳税人": "人",
    "残疾人": "人",
    "中国人": "人",
    "农户": "户",
    "贫困户": "户",
    "工商户": "户",
    "家庭": "户",
}
COUNTED_NOUN_SPAN = 10
# Measure words that may stand between a count and a noun of COUNTED_NOUNS (600万个家庭, 1100万户
# 困难家庭): the noun is what is counted, and names the count. People take 名/位/人, already people.
NOUN_MEASURE_WORDS: tuple[str, ...] = ("个", "户")
# A counted noun that goes on into another word is not what is counted (5000万人民币, 3万家庭农场).
COUNTED_NOUN_BLOCKERS: dict[str, tuple[str, ...]] = {
    "人民": ("币",),
    "家庭": ("农场",),
    "农民": ("合作", "专业"),
    "学生": ("资助", "营养"),
}
# The same count with its noun written before it (农村贫困人口减少1240万, 参保人数增加7359万,
# 出境旅游人次由8300万增加到1亿3千多万): the number stands at the end of its clause, or before the
# verb to a new level, and the subject names people (or visits of people: 人次).
COUNTED_SUBJECTS: dict[str, str] = {
    "人口": "人",
    "人数": "人",
    "人员": "人",
    "劳动力": "人",
    "人次": "人次",
}

# Words before a two-term ratio, in its clause, that say it is a ratio (城乡居民收入比2.5:1, 男女比例,
# 三次产业结构); 比 alone is one unless it compares (比上年), names a score (比分, 比赛) or a share
# (比重). A map scale (比例尺1:2000) is no statistic.
RATIO_CUES: tuple[str, ...] = ("比", "结构", "配比")
RATIO_CUE_BLOCKERS: dict[str, tuple[str, ...]] = {
    "比": ("上", "去", "前", "同", "重", "分", "赛", "较", "例尺", "如"),
}

# Units whose character also starts common words; they only count when not followed by these.
# "3方面" is not 3 cubic metres, "4度电" is fine but "覆盖度" never follows a number.
UNIT_BLOCKERS: dict[str, tuple[str, ...]] = {
    "方": ("面", "案", "式", "向", "针", "位", "法", "合作", "共建", "协作", "联动", "参与"),
    "米": ("粮", "线"),
    "期": ("间", "限", "盼", "待", "望", "末", "刊"),
    "个": ("人", "体", "性", "别"),
    "家": ("庭", "长", "乡", "园", "门", "居", "底", "政", "具", "属", "级"),
    "位": ("于", "置", "数", "次", "列", "居"),
    "名": ("单", "片", "称", "优", "牌", "师", "医", "义", "列", "录"),
    "人": ("民", "才", "口", "大", "工", "员", "居", "群", "社", "文", "防"),
    "口": ("岸", "号", "径", "罩"),
    "场": ("景", "所", "地", "馆", "站"),
    "次": ("要", "生", "级", "序"),
    "台": ("阶", "账", "湾", "风", "帐"),
    "部": ("门", "署", "分", "位", "委", "队", "件", "长"),
    "支": ("持", "出", "付", "撑", "部", "柱", "行"),
    "头": ("部", "雁", "羊"),
    "处": ("理", "置", "罚", "分", "长"),
    "间": ("接", "断", "距"),
    "类": ("型", "别", "似"),
    "种": ("植", "养", "业", "子", "苗", "类", "粮"),
    "条": ("件", "例", "款", "约", "线"),
    "笔": ("记", "墨"),
    "块": ("状", "化"),
    "张": ("家", "掖"),
    "只": ("有", "是", "要", "能"),
    "项": ("目",),
    "村": ("民", "庄", "级", "落", "镇", "集", "社", "委"),
    "架": ("构", "设"),
    "眼": ("光", "界"),
    "批": ("准", "复", "示"),
    "座": ("谈",),
    "所": ("有", "在", "属", "以", "需", "得"),
    "户": ("籍", "外", "型", "口"),
}

# Qualifiers written before the number, longest first; meaning per the vocabulary.
PREFIX_QUALIFIERS: dict[str, str] = {
    "不低于": "at_least",
    "不少于": "at_least",
    "至少": "at_least",
    "不超过": "at_most",
    "不高于": "at_most",
    "控制在": "at_most",
    "控制到": "at_most",
    "保持在": "about",
    "稳定在": "about",
    "降到": "at_most",
    "降至": "at_most",
    "下降到": "at_most",
    "减少到": "at_most",
    "压缩至": "at_most",
    "压缩到": "at_most",
    "缩短至": "at_most",
    "缩短到": "at_most",
    "提高到": "reaches",
    "提高至": "reaches",
    "提升到": "reaches",
    "提升至": "reaches",
    "增加到": "reaches",
    "增加至": "reaches",
    "增长到": "reaches",
    "增至": "reaches",
    "扩大到": "reaches",
    "扩大至": "reaches",
    "达到": "reaches",
    "达": "reaches",
    "超过": "exceeds",
    "突破": "exceeds",
    "高于": "exceeds",
    "超": "exceeds",
    "逾": "exceeds",
    "近": "nearly",
    "接近": "nearly",
    "将近": "nearly",
    "约": "about",
    "大约": "about",
}

# The whole a share is of, written between a qualifier and the number (试点范围扩大到全国40%的县,
# 试点要扩大到全国50%以上的城市): it goes with the share, so the qualifier still governs the number.
SHARE_SCOPES: tuple[str, ...] = ("全国", "全省", "全区", "全市", "全县", "全旗")

# Qualifiers written after the number (and its unit), longest first.
SUFFIX_QUALIFIERS: dict[str, str] = {
    "以上": "at_least",
    "以下": "at_most",
    "以内": "at_most",
    "之内": "at_most",
    "左右": "about",
    "上下": "about",
}

# "More than" markers written between the number and its scale or unit: 100多个, 20余万元.
APPROX_MARKERS: dict[str, str] = {"多": "exceeds", "余": "exceeds"}

# Change verbs before a number: measure "change" with this sign (增长6% -> +6, 下降2.5% -> -2.5).
# A verb followed by 到/至 states the new level instead (listed in PREFIX_QUALIFIERS above).
CHANGE_VERBS: dict[str, int] = {
    "增长": 1,
    "增加": 1,
    "提高": 1,
    "提升": 1,
    "上升": 1,
    "上涨": 1,
    "扩大": 1,
    "净增": 1,
    "增速": 1,
    "增幅": 1,
    "涨幅": 1,
    "下降": -1,
    "降幅": -1,
    "降低": -1,
    "减少": -1,
    "回落": -1,
    "缩小": -1,
    "缩减": -1,
    "缩短": -1,
    "压减": -1,
    "压缩": -1,
    "削减": -1,
    "下调": -1,
}

# Words before a number of percentage points that make it a fall (比上年低0.2个百分点); a number of
# points is always a difference, so it is a change even without a verb.
POINT_FALL_WORDS: tuple[str, ...] = ("低", "下降", "降低", "回落", "减少", "收窄")

# Words between the change verb and the number that keep it a change: 增长了6%, 同比增长, 分别增长.
CHANGE_FILLERS: tuple[str, ...] = ("了", "分别", "均", "都", "各")

# Range connectors between two numbers: 6%－6.5%, 3至5万亩.
RANGE_CONNECTORS: tuple[str, ...] = ("－", "-", "—", "–", "～", "~", "至", "到")

# Sentence cues: a number in a sentence with one of these is a target even in a review part
# (strong cues) or decides the kind where the section does not say (all cues).
STRONG_TARGET_CUES: tuple[str, ...] = (
    "力争",
    "确保",
    "预期目标",
    "预期",
    "目标是",
    "再建",
    "再创建",
)
TARGET_CUES: tuple[str, ...] = (
    *STRONG_TARGET_CUES,
    "将",
    "争取",
    "计划",
    "拟",
    "要",
    "今年",
    "明年",
    "推进",
    "谋划",
    "着力",
    "全力",
    "加快",
)
STRONG_ACHIEVEMENT_CUES: tuple[str, ...] = (
    "过去一年",
    "过去五年",
    "去年",
    "同比",
    "比上年",
    "较上年",
)
ACHIEVEMENT_CUES: tuple[str, ...] = (
    "过去一年",
    "过去五年",
    "去年",
    "同比",
    "完成",
    "实现",
    "建成",
    "累计",
    "已",
    "取得",
    "比上年",
    "较上年",
    "成功",
    "入选",
    "圆满",
    "荣获",
)

# Words before a number that make it part of a name or an ordinal, never a fact.
ORDINAL_PREFIXES: tuple[str, ...] = ("第", "前", "首", "每", "其中", "No.", "NO.")
# Characters right before a Chinese-numeral run that make it vague (上百万, 数十万, 几千) or a name.
VAGUE_PREFIXES: tuple[str, ...] = ("上", "数", "几", "成", "好", "千", "百")

# Verbs and fillers stripped from the front/back of an indicator taken from the text.
INDICATOR_STRIP_HEAD: tuple[str, ...] = (
    "力争",
    "确保",
    "争取",
    "预计",
    "全年",
    "全区",
    "全市",
    "全县",
    "全省",
    "全国",
    "累计",
    "共计",
    "完成",
    "实现",
    "其中",
    "今年",
    "去年",
    "年内",
    "过去一年",
    "并",
    "的",
    "、",
    "和",
    "及",
    "与",
)
# Verbs after which the rest of the words name the indicator (湟中区完成国土绿化 -> 国土绿化).
INDICATOR_CUT_AFTER: tuple[str, ...] = ("完成", "实现", "累计", "其中")
INDICATOR_STRIP_TAIL: tuple[str, ...] = (
    "完成",
    "实现",
    "累计完成",
    "要",
    "再",
    "继续",
    "由",
    "从",
    "拟按",
    "拟",
    "按",
    "可",
    "、",
    "同比",
    "比上年",
    "较上年",
    "年均",
    "平均",
    "演进",
    "分别",
    "达到",
    "达",
    "为",
    "是",
    "在",
    "了",
    "的",
    "共",
    "累计",
    "超过",
    "超",
    "突破",
    "至少",
    "近",
    "约",
    "保持",
    "控制",
    "达到了",
    "及",
    "等",
    "和",
    "并",
    "以上",
    "以下",
    "实际",
    "大幅",
    "每月",
    "每年",
    "全面展开",
    "圆满完成",
    "预计",
    "全年",
    "人均",
    "每人",
    "安排",
    "拟安排",
    "将安排",
    "五年",
    "年内",
    "将",
    "今年",
    "去年",
    "明年",
    "已",
    "力争",
    "不断",
)
# A comparison base or a "to" verb left at the end of a name (财政赤字比去年, 涨幅回落到, 由每人,
# 是2010年的 before 2.2倍); 占比 is a name, not a comparison.
INDICATOR_TAIL_RE = r"(?:分别)?(?:(?<!占)比|较|由|从|同|与)(?:上|去|前五|前)?(?:\d{4})?年?$|是(?:上|去|前五|前)?(?:\d{4})?年的?$|(?:回落|下降|上升|增加|提高|降低|减少|发展|扩大)(?:到|至)(?:\d{4}年)?$"
# Subjects that open a clause (湟中区开展…, 我区安排…): "我/本/全" + an administrative level,
# or a place name ending in one when a doing verb follows it.
INDICATOR_SUBJECTS: tuple[str, ...] = tuple(
    a + b
    for a in ("我", "本", "全")
    for b in ("区", "市", "县", "省", "镇", "乡", "旗", "州", "国")
)
PLACE_SUFFIXES: tuple[str, ...] = ("区", "县", "市", "旗", "州", "省", "镇", "乡")
# The cells of the splits reports make of a figure (城镇/农村, 中央/地方): a cell alone names no
# figure, so the words with it stay in the name (城镇年人均提高600元 -> 城镇年人均, not 城镇).
PARTITION_CELLS: tuple[str, ...] = (
    "城镇",
    "城市",
    "农村",
    "乡村",
    "城乡",
    "牧区",
    "中央",
    "地方",
)
# Verbs before a count whose noun follows it (建设5个重点村 -> 重点村); 新建/新增 stay in the name.
COUNT_VERBS: tuple[str, ...] = (
    "建成",
    "建设",
    "打造",
    "创建",
    "实施",
    "开展",
    "培育",
    "引进",
    "启动",
)
# Verbs of doing and manner adverbs before the noun (开展城乡劳动力技能培训, 精准消除…), dropped
# when at least two characters of name follow. Verbs that are part of a good name (新增学位,
# 新建高标准农田, 完成…) are not listed.
INDICATOR_HEAD_VERBS: tuple[str, ...] = (
    "要全力组织实施好",
    "要加快",
    "要确保",
    "要全力",
    "全力推进",
    "全力做好",
    "全力",
    "继续实施",
    "继续",
    "共实施",
    "共建成",
    "共投入",
    "共完成",
    "共发放",
    "共清理",
    "开展",
    "实施了",
    "重点实施",
    "实施",
    "加快推进",
    "推进",
    "加快",
    "健全优化",
    "健全",
    "统筹抓好",
    "统筹",
    "启动",
    "精准",
    "科学",
    "成功",
    "扎实",
    "有效",
    "先后",
    "大力",
    "积极",
    "了",
    "为",
    "对",
    "将",
    "拟",
    "比去年",
    "比上年",
    "较上年",
    "同比",
    "提出",
    "要把",
    "把",
    "安排",
)

# Money verbs that name an amount spent on what follows it (投资2.3亿元强化教育基础设施).
INVEST_VERBS: tuple[str, ...] = ("投资", "投入", "筹措", "争取", "安排", "拨付", "整合")
# Verbs that start the object after an amount, dropped from the name (实施农业产业项目 -> 农业产业项目).
INDICATOR_POST_LEADS: tuple[str, ...] = (
    "重点实施",
    "实施了",
    "实施",
    "强化",
    "用于",
    "建设",
    "新建",
    "改造",
    "完成",
    "推进",
    "加快",
    "支持",
    "对",
)
# Words that start the predicate a list of names runs into (化学需氧量、二氧化硫排放总量近年来首次
# 出现双下降，比上年分别下降…): time words, adverbs and verbs that never stand inside a name of the
# list, so the last name ends before them (not 实现: 工业企业实现利润 is a name).
LIST_PREDICATE_WORDS: tuple[str, ...] = (
    "近年来",
    "首次",
    "首度",
    "出现",
    "同时",
    "再次",
    "继续",
    "连续",
    "同比",
    "双下降",
    "双增长",
)
# Words that end the noun after a count (8个景区、4条旅游精品线路提档升级 -> 旅游精品线路).
INDICATOR_POST_STOPS: tuple[str, ...] = (
    "正常",
    "正式",
    "达到",
    "通过",
    "加快",
    "投入",
    "实现",
    "全部",
    "顺利",
    "开工",
    "完工",
    "建成",
    "提档",
    "被",
    "得到",
    "纳入",
    "入选",
    "圆满",
    "进行",
    "初步",
    "进展",
    "加快推进",
    "稳步",
    "全面",
)

# Words 成 starts that may follow a numeral (三成员国, 一成不变, 分三成立): before them a numeral is
# no share unless a qualifier before it says it is a quantity (近三成员工). 一 also ends words
# (统一, 唯一, 之一, 合一) that run into 成-words this list cannot all hold, so 一成 before a noun
# needs that qualifier too. Nouns a share is of (家庭, 行政村, 年轻人) are not listed.
TENTHS_WORDS: tuple[str, ...] = (
    "成员",
    "成立",
    "成为",
    "成效",
    "成绩",
    "成功",
    "成熟",
    "成就",
    "成果",
    "成本",
    "成型",
    "成套",
    "成片",
    "成批",
    "成群",
    "成倍",
    "成规模",
    "成体系",
    "成网",
    "成链",
    "成风",
    "成灾",
    "成不",
    "成交",
    "成都",
    "成品",
    "成长",
)

# Verbs before a count of people that only bring the people in (引导约1亿人在中西部地区就近城镇化,
# 又有1600万人进城落户, 使5700多万人受益): what the people do or get, after the count, names it.
PEOPLE_LEAD_VERBS: tuple[str, ...] = (
    "使",
    "让",
    "帮助",
    "引导",
    "带动",
    "促进",
    "推动",
    "吸纳",
    "惠及",
    "有",
    "又有",
    "共有",
)

# Verbs that end in a word stripped from the tail of a name (及 of A及B): 惠及2100多万人 is no 惠.
WHOLE_VERBS: tuple[str, ...] = ("惠及", "涉及", "普及", "顾及")

# What stays at the end of a topic clause once its change verb is gone: adverbs (标准再次提高,
# 贸易顺差连续两年下降) and a record (参合率再创新高, 粮食产量屡创历史新高); the patterns are regexes.
TOPIC_ADVERBS: tuple[str, ...] = (
    "再次",
    "不断",
    "逐年",
    "逐步",
    "继续",
    "进一步",
    "持续",
    "明显",
    "大幅",
)
TOPIC_ADVERB_PATTERNS: tuple[str, ...] = (
    r"连续[一二两三四五六七八九十\d]+年",
    r"[屡再又]?创(?:历史)?新高",
)

# --- tables ------------------------------------------------------------------------------------
# Readers give a table row of short cells as one paragraph, cells joined by a tab
# (reportgen.readers.table_row: at most 60 characters a cell); a tab line with a longer cell, or
# one pairing a sentence with its translation (a bilingual zh-en text), is no row.
ROW_CELL_MAX = 60
# Header cells naming what a column holds: the indicator, its unit, a serial number.
LABEL_HEADERS: tuple[str, ...] = (
    "指标",
    "主要指标",
    "指标名称",
    "项目",
    "名称",
    "类别",
    "内容",
)
UNIT_HEADERS: tuple[str, ...] = ("单位", "计量单位")
SERIAL_HEADERS: tuple[str, ...] = ("序号", "编号")
# Header words that make a column's figures results or goals (2023年完成 | 2024年目标); 预计完成
# (the estimate of a year not closed when the report is given) is a result, 计划完成 a goal.
RESULT_HEADER_WORDS: tuple[str, ...] = ("完成", "实际", "实绩", "执行", "决算", "实现")
TARGET_HEADER_WORDS: tuple[str, ...] = ("目标", "预期", "计划", "规划", "预算", "任务")
# Header words of a column of changes besides the change verbs (比上年增长%, 比上年±%, 增减).
CHANGE_HEADER_WORDS: tuple[str, ...] = ("比上年", "较上年", "同比", "±", "增减")
# A change column without a unit of its own: a rate (增长, 增速, 下降) is in %, as statistical
# tables print them; an amount (增加, 减少, 增减) is in the unit of its row.
RATE_HEADER_WORDS: tuple[str, ...] = ("增长", "增速", "增幅", "涨幅", "下降", "降幅", "回落")

# Who pays, in front of a spending verb (中央财政拟投入433亿元用于促进就业): a payer names no
# figure; the purpose after the number (用于…) does.
PAYERS: tuple[str, ...] = (
    "中央财政",
    "地方财政",
    "各级财政",
    "省级财政",
    "市级财政",
    "县级财政",
    "中央政府",
    "地方政府",
    "各级政府",
    "中央预算",
    "中央",
)
PAYER_ADVERBS: tuple[str, ...] = ("拟", "将", "再", "已", "又", "今年", "共", "累计")

# Verbs of benefiting or being covered that follow a count of people (5700多万人受益): the verb
# alone names nothing; what they benefit from, named before in the sentence, goes with it.
BENEFIT_VERBS: tuple[str, ...] = ("受益", "受惠", "获益", "得益")

# Units of time and age, read only after a noun measured in them (受教育年限提高到10.8年, 预期寿命
# 提高1岁): elsewhere 年 dates (2023年) or counts years (连续7年) and 岁 bounds an age group.
DURATION_UNITS: dict[str, tuple[str, float, str]] = {
    "年": ("年", 1.0, "years"),
    "岁": ("岁", 1.0, "age"),
}
DURATION_NOUNS: tuple[str, ...] = ("年限", "寿命", "年龄", "工龄", "教龄", "学制")

# A five-year plan's name (“十一五”, 十三五) and a stretch of years (五年, 三年): the parts of the
# stretch labels the facts step puts before a result over several years (过去五年城镇新增就业,
# 十一五时期国内生产总值), so the name says it is no figure of one year.
PLAN_NAME = r"(?:[“\"]?(?:十[一二三四五六七八九]?|[三四五六七八九])五[”\"]?)"
YEARS_SPAN = r"(?<!连续)(?<!今后)(?<!未来)[二两三四五六七八九十]年"
# A bare span opens a name only as a term's or a campaign's years (五年农村人口): 九年义务教育,
# 六年制 are names.
STRETCH_NAME = (
    rf"^(?:{PLAN_NAME}?(?:过去|近|前|这)的?{YEARS_SPAN}来?|{PLAN_NAME}{YEARS_SPAN}来?"
    rf"|{YEARS_SPAN}来|[二两三五十]年(?!制)|{PLAN_NAME}(?:时期|期间))"
)
