"""Yes/no facts said in passing, as (pattern, fact, value) tables (assistant/extract.py reads them)."""
from __future__ import annotations

from policies import rx as re

from policies import normalize as nz

# the words between a year and 毕业 that make it a school leaver's, not a graduate's ("初中刚毕业")
_NOT_SCHOOL = r"(?:(?!初中|高中|小学|中考|高考)[^，。,；;？?])"

# Yes/no facts said in passing ("社保也交了", "娃在技校上学"). (pattern, fact, value); a negation right before the
# match flips the value ("没交社保", "不是贫困地区"). For one fact a later pattern that matches overrides an earlier
# one (the "no" patterns come after the "yes" ones). Facts in PLAN_SENSITIVE are not taken from a plan.
BOOL_PHRASES = [
    # 安康 二、（三）9: a recognised credit village's recommendation; a rural property to mortgage
    (r"(?<!不是)(?<!没评上)(?<!没有评上)(?<!还不是)(?:评上|评为|评成|认定为|认定成|是)[^，。,；;？?]{0,4}?信用(?:乡村|村|乡|镇)|"
     r"信用(?:乡村|村)(?:推荐)", "credit_village", True),
    (r"(?:不是|没评上|没有评上|还不是|没评)[^，。,；;？?]{0,4}?信用(?:乡村|村|乡|镇)", "credit_village", False),
    (r"(?:有|拿|用)[^，。,；;？?]{0,6}?(?:林权证?|林地|承包地|土地承包经营权|宅基地|房产证|住房财产权)|"
     r"(?:林权|承包地|房子|房产|宅基地)[^，。,；;？?]{0,6}?(?:抵押|押)(?!不了|不上)", "rural_collateral", True),
    (r"(?:冇得|没得|没有|没啥|冇啥|莫得)[^，。,；;？?]{0,4}?(?:抵押|押)的?", "rural_collateral", False),
    (r"(?:社保|五险)(?:(?!没|未|不|下个月|下月|准备|打算|要|正在)[^，。,；;？?]){0,7}?(交|缴|买|上)(了|着|的|过)?|"
     r"(交|缴|买|上)(了|着)?[^，。,；;]{0,3}?"
     r"(社保|社会保险|五险|养老保险|失业保险)|有社保|(交|缴)纳(了)?社(会)?保(险)?|(合同|五险)(和|跟|、)?社保(都|也)?(有|交|缴|办|签)"
     r"|社保(也|都)(有|交|缴)|五险一金"
     # the personal share taken from the wage ("我工资里扣的那部分社保"): the unit pays it in
     r"|(工资|工钱)里?(每个月|每月)?(扣|代扣)(了|的|着)?[^，。,；;？?]{0,4}?(社保|保险)|(扣|代扣)(了|着)?社保"
     r"|(养老|医疗|失业|工伤)(保险)?[、和跟]?(养老|医疗|失业|工伤)[^，。,；;？?]{0,8}?(交|缴|买|上)(了|着|的)",
     "insurance_paid", True),
    # not paid yet, or only planned ("社保还没来得及交", "社保下个月开始交")
    (r"社保[^，。,；;？?]{0,3}?(没|没有|未|冇|无)[^，。,；;？?]{0,4}?(交|缴|买|上)|(没|没有|未|不|无|冇)(给)?[^，。,；;]{0,2}?(交|缴|买|上)社保|"
     r"社保[^，。,；;？?]{0,3}?(下个月|下月|准备|打算|过段时间|年底)[^，。,；;？?]{0,4}?(交|缴|买|上)",
     "insurance_paid", False),
    # paid by the person, not by a unit ("社保是我自己按灵活就业交的")
    # ("个人缴纳部分自己出", "个人那部分我们代扣" are the personal share of what the unit pays: not this)
    (r"(?<!个人缴纳部分)(?<!个人那部分)(?<!个人部分)(?<!医保)(?<!医疗保险)(?<!居民医保)(?<!公司)(?<!厂里)(?<!单位)(?<!企业)(?<!老板)(自己|本人|(?<![的每0-9一二两三四五六七八九十几])个人(?!的|部分|那部分|缴纳部分|应缴|应交))"
     r"[^，。,；;？?部]{0,8}?(交|缴)(?!的?那?一?(?:部分|块|份))(?!材料|申请|表|资料|证明|上去)(的)?(社保|保险)?|社保[^，。,；;？?]{0,6}?(自己|个人)(交|缴)(?!的?那?一?(?:部分|块|份))|灵活就业",
     "insurance_paid", False),
    # never stopped or owed ("社保从来没有断缴", "没有拖欠社保", "工资社保都没拖过"): paid
    (r"(社保|社会保险|五险|保险)[^，。,；;？?]{0,6}?(没|没有|从没|从来没|未|不|冇)(有)?(断|欠|拖|少|漏)(过|缴|交|了)?|"
     r"(没|没有|从没|从来没|未|不|冇)(有)?(断缴|欠缴|拖欠|漏缴|断交|少交)(过)?[^，。,；;？?]{0,3}?(社保|社会保险|五险|保险)",
     "insurance_paid", True),
    (r"贫困地区|贫困县", "employer_in_poor_area", True),
    # at a technical school (技工院校) or going to one; a university is not one
    (r"(上|读|念|考上|考了|在)[^，。,；;？?]{0,8}?(大学|本科|大专|高职|职业技术学院|研究生)(?!毕业)", "in_technical_school", False),
    (r"(上|读|念|在|进|考上|考进|考了|去|学|报)(?:(?!上|读|念|在|进|去|学|报)[^，。,；;？?]){0,10}?"
     r"(技校|技工院校|技工学校|技工学院|技师学院|技工院)"
     r"|(技校|技工院校|技工学校|技工学院|技师学院)[^，。,；;？?]{0,4}?(读|念|上学|学习|学|就读|在读|一年级|二年级|三年级)",
     "in_technical_school", True),
    # a high school is not a technical school ("他读的是县里的职业高中，不是技校", "在县中学念高一，普通高中"); said after the
    # rows above, so that it wins over a 技校 named beside it
    (r"(读|念|上)(的是)?[^，。,；;？?]{0,6}?(职业高中|职高|普通高中|高一|高二|高三|县中学|县一中|县二中)(?!毕业)|"
     # "那二娃在县上念高中，明年考大学": a high school (not a 技校 or 职高 said beside it)
     r"(?<!考)(?<!没)(?<!不)(?<!不想)(?<!不愿)(?<!不再)(?<!没有)(?<!不去)(读|念|上)高中(?!毕业|生毕业)|"
     r"(是|读的是)[^，。,；;？?]{0,6}?(职业高中|职高|普通高中)|普通高中|不是技校|不是技工(院校|学校)",
     "in_technical_school", False),
    # a technical school asking for its students: they study at one ("我们是三亚技师学院")
    (r"(我们|俺们|咱们)(是|这|学校是)[^，。,；;？?]{0,12}?(技校|技工院校|技工学校|技工学院|技师学院)|"
     # ("来电人是琼中一所技工学校的老师，说今年学校在读的…学生": its teacher, for its students)
     r"(技校|技工院校|技工学校|技工学院|技师学院)的?(老师|校长|班主任|招生办|教务|辅导员)", "in_technical_school", True),
    # the training's certificate (合格证), from passing its test: "考核合格了", "结业考核合格", "20个人合格"
    (r"(拿到|取得|有|拿了|领了|考了|发了|拿)(了)?(个|张)?(培训)?(合格证|结业证)|(培训|考核|考试|结业|学习|学完)"
     r"[^，。,；;？?]{0,5}?(合格|通过)|合格了|都合格|全部合格|全合格|[0-9一二两三四五六七八九十百]+\s*(个)?(人|名|个)"
     r"[^，。,；;？?]{0,3}?合格|"
     # a resit that passes, or is to pass ("下个月补考要是过了"): the certificate is on its way
     r"补考(要是|如果|能|就|也)?(过|通过|合格|考过)", "training_certificate", True),
    (r"(没|没有|未|冇)(考)?(合格|通过|拿到合格证|拿到证)|不合格|"
     # failed it ("结业考试没过", "考核没考过")
     r"(考试|考核|结业考|结业)(都|也)?(没|没有|未|冇)(考)?过|"
     # missed the test ("考试那天他屋里有事没去，要等下一期补考")
     r"补考(?!(要是|如果|能|就|也)?(过|通过|合格|考过))|缺考|(考试|考核)[^，。,；;？?]{0,8}?(没去|没参加|没考)|"
     # no training at all ("俺表哥没去培训", "他没参加过创业培训"): no certificate of it either
     r"(没|没有|未|冇)(去|参加|参与)(过)?[^，。,；;？?]{0,4}?培训(?!班[^，。,；;？?]{0,4}?(也|都)?(合格|通过))",
     "training_certificate", False),
    (r"(拿到|取得|考到|考了|考取|拿了|有)(了)?(个|一个|张)?[^，。,；;？?]{0,4}?(职业资格证|资格证|等级证|技能证|电工证|焊工证|"
     r"上岗证|操作证|证书)|鉴定(合格|通过)|通过(了)?鉴定", "got_qualification_certificate", True),
    # a course's certificate, not a qualification ("她拿的是培训结业证，不是职业资格证书，也没去参加鉴定考试")
    (r"不是(职业)?资格证(书)?|(没|没有|未)(去)?(参加)?(鉴定|技能鉴定)(考试)?", "got_qualification_certificate", False),
    (r"第一次(鉴定|考证|考)|初次(鉴定|考证)|头一回(鉴定|考证|考)", "first_appraisal", True),
    # ("还考了个焊工的职业资格证" is also took it, the first: not a retake)
    (r"(又|再)(想|要|去|能)?(考|鉴定|参加鉴定)|还(想|要|去|能)(考|鉴定|参加鉴定)|还(考|鉴定)(?!了)|考高级|二次鉴定|第二次(鉴定|考)|"
     # a certificate had before ("前年我在宝鸡已经考过一个焊工初级证了")
     r"(?:已经|以前|之前|前年|去年|早就|早先)[^，。,；;？?]{0,8}?(?:考|拿|取得)(?:过|了|到)(?:了)?(?:一个|个)?[^，。,；;？?]{0,8}?证|"
     # "我前年考焊工证的时候也是没掏钱": an appraisal of the years before
     r"(?:以前|之前|前年|去年|前几年|早年|那年)(?:我|俺|他|她)?(?:也)?考[^，。,；;？?了过]{0,6}?证(?:的时候|那回|那次)",
     "first_appraisal", False),
    # the test a course ends with ("那烹调班结束还要考个中式烹调师的证"): the first, not a second one
    (r"(?:结束|结业|学完|培训完|完了)(?:以后|之后|后)?\s*还(?:要|得|需要)考", "first_appraisal", True),
    (r"签(了|过|的|订|好)?[^，。,；;？?]{0,8}?(合同|(?<!帮扶|合作|对接|租赁|购销|服务)协议)|合同(也|都)?(签|有)(了|过|的)|有(劳动)?合同|合同(和|跟|、)?社保(都|也)?(有|签)",
     "labor_contract_signed", True),
    (r"没签|没有签|未签|不签|没合同|没有合同|不跟.{0,2}签|不给.{0,2}签|不和.{0,2}签", "labor_contract_signed", False),
    (r"认定(过|了|的|成|为|下来)|已(经)?认定|经(过)?认定|被认定|是认定的|"
     # "去年县上既认定我们是就业帮扶基地，又认定是社区工厂"
     r"(?:既|又|也|都)?认定(?:我们|咱们|俺们|我|咱|他们|她们|它)?(?:是|为|成)|"
     # a unit that has the sign ("原先挂的是扶贫车间的牌子", "县上给挂了牌"): recognised
     r"挂(?:的是|了|着|过)[^，。,；;？?]{0,10}?(?:牌子|牌)|(?:授|挂)(?:了|过)?牌", "employer_recognized", True),
    (r"(没|没有|未|还没|不是)[^，。,；;？?]{0,8}?认定|认定不了", "employer_recognized", False),
    (r"(?<!登记)(?<!登记过)(?<![、和跟险疗老伤])失业(?!保险|险|金|青年|人员|登记|证|[、和跟]?(?:养老|医疗|工伤|生育))|登记失业(?!的|保险|青年|人员|证)|没(有)?(工作|活干|事做|事干|就业|做事|干活)|冇得?(工作|事做|活干|事干)|没得(工作|活路|事做|活干)|"
     r"待业|找不(到|上|着|下)(工作|活)|(?:没|冇|没得)(?:人|厂|地方)(?:要|收)(?:我|他|她)?|没(有)?(?:找|寻)(到|上|着|下)[^，。,；;？?]{0,3}?(工作|活|事)|在家闲|闲在家|被辞|辞退|下岗|未就业|没上班|不上班|被裁|裁员|(?:把我|把他|把她)?裁(?:了|掉了)|(?:在)?领(?:着)?失业(?:金|保险金)|"
     r"一直(?:待|呆|闲|窝)?在(?:屋里|家里|家)(?:里)?(?:待着|呆着|闲着|蹲着)?(?![^，。,；;？?]{0,4}(?:干|做|种|养|开|上班|务农))", "unemployed", True),
    # farming at home ("俺姐夫在家种地"): no job gone to, and not out of work either
    # (not before the job: "我以前在家种地 今年三月去宁波上班了")
    (r"(?:^|[，。,；;？?！!\s])(?:(?!以前|原来|之前|过去|本来|早先|先前|原先|前年|去年|那会|那时|当时|那阵)[^，。,；;？?！!\s]){0,8}?"
     r"在(?:屋里|家里?|屋头|家头|村里|老家)[^，。,；;？?！!\s]{0,2}?(?:种地|种庄稼|种田|务农|干农活|种菜)"
     r"(?![^，。,；;？?！!]{0,12}(?:上班|打工|进厂|干活|做事))", "employed", False),
    (r"季节(性)?(工|用工|活|岗位)|临时工|摘(了)?[^，。,；;]{0,4}?(棉花|苹果|茶叶)|采茶", "seasonal_job", True),
    (rf"今年(刚)?(大学|大专|本科|研究生)?毕业|应届|毕业(还)?(不到|没满|不满)(两|2)年|去年{_NOT_SCHOOL}{{0,10}}?毕业|"
     rf"(?<!初中)(?<!高中)(?<!小学)刚(刚)?(从)?{_NOT_SCHOOL}{{0,8}}?毕业", "graduation_window", True),
    (r"毕业(都)?(好几|三|四|五|[3-9])年|毕业[^，。,；;？?]{0,2}?(两|2)年多", "graduation_window", False),
    (r"毕业(才|刚)?(一年|半年|几个月|[1-9一二三四五六七八九十]个月|一年多)", "graduation_window", True),
    (rf"今年{_NOT_SCHOOL}{{0,10}}?毕业|应届", "fresh_graduate", True),
    (rf"去年{_NOT_SCHOOL}{{0,10}}?毕业|前年{_NOT_SCHOOL}{{0,10}}?毕业", "fresh_graduate", False),
    # ("她侄子前年就从职业中专毕业了": graduated, no final-year student now)
    (rf"(?:去年|前年|早就|已经)(?:就)?{_NOT_SCHOOL}{{0,10}}?毕业(?:了|的)", "final_year_student", False),
    # ("她上大四的时候学校说过…": a past year, not now)
    (rf"明年{_NOT_SCHOOL}{{0,6}}?毕业|还有一年(就)?毕业|大四(?!的时候|那会|那时|那年)|(念|读|上)(的)?(最后一年|毕业班)",
     "final_year_student", True),
    # the share of 脱贫 workers in the staff (社区工厂: 不低于员工总数1/3)
    (r"(脱贫|贫困|建档立卡)[^，。,；;？?]{0,6}?(占(了)?|有)[^，。,；;？?]{0,3}?(一半|半数|多半|大半|三分之一以上|超过三分之一|"
     r"三分之一|1/3|[四五六七八九]成)", "poor_staff_one_third", True),
    (r"(脱贫|贫困|建档立卡)[^，。,；;？?]{0,6}?(不到|不够|不足|没到|没有)[^，。,；;？?]{0,3}?(三分之一|1/3)", "poor_staff_one_third", False),
    # a unit training its people on the job ("边干边教", "一边干活一边手把手教他们", "搞以工代训", "师带徒")
    (r"边干边[教学带]|一边干(?:活)?[^，。,；;？?]{0,4}?一边[^，。,；;？?]{0,4}?教|手把手(?:地)?教|师带徒|传帮带|"
     # ("招了4个脱贫户跟着学修剪", "老板说给我报了以工代训")
     r"跟着(?:师傅|老师傅|技术员)?学|(?:报|申报|报的|办)了?以工代训|"
     # (its money asked by name: done, or meant to be done, "以工代训能补多少")
     r"以工代训[^，。,；;？?]{0,8}?(?:能|可以|怎么|咋)?(?:补|给|拿|领|申请|报|算)|"
     r"(搞|开展|开展了|做|在搞|弄|组织)(?:了)?以工代训|以工代训[^，。,；;？?]{0,4}?(开展|搞|做)(了|着)", "work_for_training_held", True),
    (r"(没|没有|未|不)(搞|开展|做|弄)(过)?以工代训|(没|没有)(怎么)?(教|带)(过)?(他们|她们)", "work_for_training_held", False),
    (r"(享受|领|拿|报|申请|申报)(到)?过(了)?(一回|一次|一期)?以工代训|(搞|参加|做|干|弄)过(一回|一次|一期)?以工代训", "had_work_for_training_before", True),
    # "以工代训的补贴我们还没享受过", "以工代训以前没申请过"
    (r"以工代训[^，。,；;？?]{0,8}?(还|以前|之前|从来)?(没|没有|从没|未|冇)(有)?(享受|领|拿|报|申请|申报)(过)?",
     "had_work_for_training_before", False),
    # the documents' 湖南省精准就业扶贫爱心单位 (chosen by the province) and the local 精准就业扶贫爱心单位
    # (not "一是听说省里评那个什么爱心单位": the first of two questions, heard of)
    (r"(评为|评上|评成|认定为|被评|(?<![一二三四就还只要])是)[^，。,；;？?听说]{0,3}?(湖南)?省[^，。,；;？?]{0,10}?爱心(单位|企业)",
     "provincial_model_unit", True),
    (r"(评为|评上|评成|认定为|被评|是)[^，。,；;？?]{0,3}?(市|州|县|区|当地|市里|县里)[^，。,；;？?]{0,10}?爱心(单位|企业)|"
     r"(市|州|县|区|当地|市里|县里)[^，。,；;？?]{0,3}?(评为|评上|评成|认定为)(?:(?!省)[^，。,；;？?]){0,10}?爱心(单位|企业)",
     "local_model_unit", True),
    (r"(今年)?(已经)?(领|拿|享受)过(培训)?(生活费|交通费)(补贴)?", "received_allowance_this_year", True),
    # a referral given free of charge (免费职业介绍), or paid for
    (r"免费[^，。,；;？?]{0,24}?(介绍|推荐|带|送|输出|组织|安排|帮[^，。,；;？?]{0,3}?找(?:工作|活|工))|(?:介绍|推荐)[^。；;？?]{0,12}?[，,]\s*(?:都|全)?(?:是)?免费(?:的)?(?=[，,。；;]|$)|(没|不|冇)收[^，。,；;？?]{0,4}?(钱|费)|不收费|分文不取|分文未收|"
     r"(?:工人|他们|贫困户|老乡|人家)[^，。,；;？?]{0,2}?一分钱(?:都|也)?(?:没|冇|不)(?:掏|出|交|给|收)|(?:没|冇)(?:收|要)[^，。,；;？?]{0,6}?一分钱|一分钱(?:都|也)?(?:没|冇|不)(?:收|要)",
     "registered_unemployed_referral", True),
    (r"收(了|取)?[^，。,；;？?]{0,6}?(中介费|介绍费|服务费|好处费)|收了[^，。,；;？?]{0,6}?(块|元)",
     "registered_unemployed_referral", False),
    # an agency lawfully licensed and registered (依法行政许可、注册登记; 具有合法资质), or not: an agency company is
    # registered; a broker on his own without a company or a licence is not ("没注册公司", "冇得公司", "没有许可证")
    (r"有(?:人力资源服务)?(?:许可证|资质|营业执照|执照)|持证|合法资质|正规的?(?:公司|机构|中介)|备(?:了|过|哒)?案|"
     r"(?:人力资源|人力|劳务|职介|职业介绍|中介|派遣|就业服务)(?:服务)?(?:公司|公寺|机构|所)|劳务派遣|人力资源服务机构"
     r"|" + nz.AGENCY_LICENCE.pattern, "agency_licensed", True),
    (r"(?:没|没有|冇得?|未|无)(?:去)?(?:注册|登记|办)?(?:过)?(?:个|一个)?[^，。,；;？?]{0,3}?(?:公司|执照|许可证|资质)|"
     r"(?<!个)(?<!人)(?:没|没有|未)(?:注册|登记)(?:过)?(?!失业)|就我(?:一)?个人|无证|无照",
     "agency_licensed", False),
    # the share deducted from the worker's own pay, asked to be returned to them ("扣我的这320能退给我啵", "返给我无")
    (r"(?:扣我|从我[^，。,；;]{0,6}?扣|我(?:自己|个人)?(?:交|缴)的|扣的这|扣了我|个人(?:交|缴)的?(?:那部分|部分|那块))"
     r"[^？?]{0,30}?(?:(?:退|返|补)(?:还)?(?:给)?(?:我|俺)|能(?:退|返)(?:不|吗|无|啵|没))",
     "insurance_share_asked", "个人缴纳部分"),
    # a unit asking of its workers' own share ("工人自己交的那一块也返吗", "员工个人缴的那部分退不退")
    (r"(?:工人|员工|职工|他们|她们|工人们|个人)(?:自己|个人)?(?:交|缴)(?:纳)?的(?:那一?块|那一?部分|部分|那份)"
     r"[^。？?]{0,8}?(?:返|退|补|算|包括|给)", "insurance_share_asked", "个人缴纳部分"),
    (r"(?:厂里|单位|公司|企业|老板)(?:自己)?(?:交|缴)的(?:那块|那部分|部分)", "insurance_share_asked", "单位缴纳部分"),
    # a unit asking whether a kind of insurance the documents do not name counts ("那工伤保险算不算"), or the share it
    # deducts from its workers' pay ("我们代扣的个人那部分，算不算"): the last one said is kept
    # (not one of a list of those paid: "交了养老、医疗、失业，还有工伤，…能补几年")
    (r"(?<!还有)(?<![、和及与])(?:工伤|生育)(?:保险|险)?(?:费)?[^。？?]{0,24}?(?:算不算|算吗|算不|补不补|补吗|补不|能补|给补|包括|包不包括|也补|也算|管不管|给不给|算进|一起算)",
     "insurance_share_asked", "工伤或生育保险"),
    (r"(?:代扣|扣)(?:的|了)?(?:工人|员工|职工|他们)?(?:的)?个人(?:的)?(?:那部分|部分|那块|那份)[^。？?]{0,12}?"
     r"(?:算不算|算吗|补不补|补吗|能补|包括|也补|也算|给不给)|"
     r"个人(?:应)?(?:交|缴)(?:纳)?的?(?:那部分|部分|那块)[^。？?]{0,12}?(?:算不算|算吗|补不补|补吗|能补|包括|也补|也算)",
     "insurance_share_asked", "个人缴纳部分"),
    (r"稳定(就业|干|工作|上班)[^，。,；;？?]{0,4}?(满|够|了)?(一|1|两|2|三|3)年", "stable_employment", True),
    # a trip organised with a hired bus ("县里统一包的大巴车", "包了两台大巴", "派大巴到邵东接了26个"): hunan's
    # 统一组织…包（租）车
    (r"统一(?:组织|包|安排|坐|派)|包(?:了|的)?(?:一|两|几|[0-9])?(?:台|辆|个)?(?:大巴|车|客车|班车)|"
     r"(?:派|租)(?:了)?(?:一|两|几|[0-9])?(?:台|辆)?大巴", "organized_trip", True),
    # a business that will not be registered ("养鸡要是不办执照，就在自家院里养")
    # ("还没办执照" is not yet: the registration may still come)
    (r"(?<![还])(?:不|不打算|不想)(?:去)?(?:办|注册|登记|领)(?:个)?(?:营业)?(?:执照|工商)|执照(?:也)?(?:不|不想|不打算)(?:办|要|领)",
     "business_registered", False),
    # a registration planned after all ("那我下个月去办个个体执照呢"): the business will be registered
    (r"(?:去|要|准备|打算|想)(?:去)?办(?:个|一个)?(?:个体)?(?:营业|工商)?执照",
     "business_registered", True),
    # a start-up loan had before ("2019年办过创业贷款", "前年已经还清了", "想再贷一次")
    (r"(?:办|贷|借)过(?:一次|一回)?[^，。,；;？?]{0,4}?贷款|贷款[^，。,；;？?]{0,8}?还清|"
     r"(?:以前|之前|前几年|早先)(?:(?!没|未|冇|不|从)[^，。,；;？?]){0,6}?贷过|再贷(?:一次|一回)", "loan_before", True),
    (r"(?:没|未|冇|从来没|从没)(?:有)?(?:办|贷|借)过", "loan_before", False),
    # an appraised trade in the catalogue of key industries (纳入重点产业职业资格和职业技能等级评定指导目录), or an
    # ordinary one ("普通工种", "不在目录里")
    (r"重点产业|(?:指导)?目录(?:里|内|上|中)(?:的|头)?|纳入(?:了)?(?:指导)?目录", "key_industry_catalog", True),
    (r"(?:普通|一般|其他|其它)的?(?:工种|职业)|(?:(?<!在)不在|没在|没进|没有纳入|未纳入|没纳入)(?:重点产业)?(?:指导)?目录|目录(?:外|以外|之外)",
     "key_industry_catalog", False),
]
# these need a business in the message ("一直开着", "头一回干", "不干了" say nothing without one)
BUSINESS_BOOL_PHRASES = [
    (r"(正常)?(营业|经营)(着|中)|还在(开|干|经营|营业)|正常(营业|经营|运营)|正常(干|开|做)(了|着)|一直[^，。,；;？?]{0,2}?(开|干|营业|经营|做)(着|呢|的)|"
     r"(开|干)着(呢|的|哩|嘞)|还开着|没关门", "operating_normally", True),
    (r"关门|倒闭|停业|歇业|黄了|干不下去|不开了|不干了|转让了|(?:赔了|亏了|干不成)?就关了|关掉了|关了门|注销了", "operating_normally", False),
    # "再开个小饭店" says another business, unless the words say it is the first in their name ("也是头一回"): the
    # plain 第一次/头一回 below overrides it, the said earlier business after them overrides both
    (r"(?:再|又)(注册|开|办|创|整|搞)(了)?(一)?(个|家|回)?[^，。,；;？?]{0,4}?(店|厂|公司|企业|个体|业(?!培训)|部|馆)", "first_business", False),
    (r"第一次(创业|开店|办厂|当老板|干|做|开|办|整)|头一回|头一次|首次(创业|创办)|初次创业|以前(从来)?(没|没有|从没)(干|做|开|办|整)过|"
     r"从来没(干|做|开|办)过|从没(干|做|开|办)过", "first_business", True),
    (r"(以前|之前|原来|早先|前些年|前几年|前两年|早年|早些年|那几年|(?:19|20)[0-9]{2}年|[0-9]{2}年)(?:(?!没|未|不|冇)[^，。,；;？?]){0,6}?(也)?(开|办|干|做)过(个|一个|家)?[^，。,；;？?]{0,3}?"
     r"(店|铺|馆|摊|厂|公司|个体|买卖|生意|企业|饭馆|超市|门面|作坊|养殖场|部)|(?<!没)(?<!没有)(?<!未)办过(个|一个)?(个体)?(营业)?执照|"
     r"不是(第一次|头一回)|第二次(创业|开店)",
     "first_business", False),
]
PLAN_SENSITIVE = {"insurance_paid", "training_certificate", "labor_contract_signed", "employer_recognized",
                  "operating_normally", "got_qualification_certificate", "unemployed"}


# an earlier business, said of its own ("前几年在村里开过个小卖店 也办过执照 后来黄了"): its words are not of the one now
PAST_BUSINESS = re.compile(r"(?:以前|之前|原来|早先|前些年|前几年|前两年|早年|早些年|那几年)(?:(?!没|未|不|冇)[^，。,；;？?]){0,6}?"
                           r"(?:也)?(?:开|办|干|做)过")

# rows whose negation says nothing of the fact: "没考上大学" is not "at a technical school"
NO_FLIP = {("in_technical_school", False)}
