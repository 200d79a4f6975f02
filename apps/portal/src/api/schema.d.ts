// Generated from the API's OpenAPI document by tools/gen-api-types.mjs — do not edit.
// Regenerate: node tools/gen-api-types.mjs
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据库与 Temporal 是否可用 */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录，取得访问令牌 */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 承办单位列表 */
        get: operations["UnitsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unitId}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位通信录（第十四条：主要领导、分管领导、办公室负责人、承办人员）及历次变更 */
        get: operations["ContactsController_get"];
        /** 更新单位通信录（整表替换；每次变更记录为事件） */
        put: operations["ContactsController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/leaders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 分管市领导（副市长）列表 */
        get: operations["LeadersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出台账（.xlsx）
         * @description 与列表相同的筛选条件和可见范围；每件一行：编号、类别、标题、提出人、承办单位、日期、期限、进度、答复类别、反馈结果。
         */
        get: operations["ReportsController_ledger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/replies/{replyId}/letter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 答复函（.docx，GB/T 9704-2012 版式）
         * @description 右上角标注答复类别（A/B/C/D），含发文机关、发文字号、标题、主送、正文、署名、日期和抄送。
         */
        get: operations["ReportsController_letter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/replies/{replyId}/feedback-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 征求意见表（.docx）
         * @description 随答复函寄送（第十一条）：办理态度、办理结果、是否联系及方式、意见建议；已网上反馈的填入反馈内容。
         */
        get: operations["ReportsController_feedbackForm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/replies/{replyId}/government-document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 市政府正式文件（.docx，GB/T 9704-2012 版式）
         * @description 省级、全国件：建议提案处整理、分管副市长签发的正式文件（第九、十条），版式同答复函：发文机关“市人民政府”、文号、右上角答复类别、主送、正文、署名、日期，抄送省人大选任联工委、省政府办公厅、省政协提案委。缺省为最新一稿，round 指定第几稿；代表委员只能取得已发出的文件。
         */
        get: operations["ReportsController_governmentDocument"];
        put?: never;
        /**
         * 整理形成市政府正式文件（第九、十条）
         * @description 省级、全国件：代表委员对办理和答复意见满意（或基本满意）后——逾期未反馈的亦须答复——由建议提案处整理成正式文件，送办公厅相关处室审查、分管副市长审核签发；被退回的重新整理，每轮均保留。
         */
        post: operations["RepliesController_compileDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/annual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 年度办理工作总结报告代拟稿（第十二条）
         * @description chamber=npc：市政府向市人大常委会书面报告人大代表建议办理情况；chamber=cppcc：向市政协书面通报政协委员提案办理情况。由事件计算：总数、各承办单位、A/B/C/D 类、按时答复、见面沟通、满意率、重点件、典型成果、存在问题（超期、不满意、逾期未反馈、未按月报送进度、B 类承诺未办结）、应报送总结的单位（当年承办 2 件以上）。format=docx 为 GB/T 9704 版式的代拟稿。联络机构只能取本口。
         */
        get: operations["ReportsController_annual"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 考核指标表（.xlsx）
         * @description 与 GET /api/stats/kpis 相同的数字和范围：总体、分口、分单位、分分管副市长。
         */
        get: operations["ReportsController_kpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/quarterly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 季度办理情况通报（第八条）
         * @description 各承办单位的进展、结果和问题（超期未答复、不满意、逾期未反馈、未按月报送办理进度、B 类答复承诺尚未办结），截至季度末；format=docx 为可打印的通报。联络机构只含本口。
         */
        get: operations["ReportsController_quarterly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 年终考核排名（第二十一条）
         * @description 按第十六条各项指标的达标程度（比率/目标，至多 1）加权计分（政策默认权重：按时答复 30、见面沟通 20、重点件及建议案满意 15、满意 25、A 类 10；无已决数字的指标不计入），排名；全部达标的单位列为表彰，未达标指标列出。format=xlsx 导出表格。
         */
        get: operations["ReportsController_evaluation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 建议提案列表
         * @description 按角色限定范围：办公厅看全部；承办单位只看曾交办本单位的件；联络机构只看本口；代表委员只看本人的件。
         */
        get: operations["ProposalsController_list"];
        put?: never;
        /**
         * 登记一件建议 / 提案
         * @description 编号按年度和类别自动分配，如 2026-建议-0001。
         */
        post: operations["ProposalsController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 办理情况统计（看板）
         * @description 与列表相同的筛选与范围，在数据库中对范围内全部件计数：各办理阶段、超期、7/30 日内届满，以及各承办单位。分页参数不起作用。
         */
        get: operations["ProposalsController_figures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 建议提案详情（含各单位期限） */
        get: operations["ProposalsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办理履历：该件的全部事件，按版本排序 */
        get: operations["ProposalsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 交办（第六条）
         * @description 期限自接办之日次日起算；退转期限届满后不能退转。
         */
        post: operations["ProposalsController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/units/{unitId}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 签收（第十七条）
         * @description 只记录签收时间，不改变任何期限。
         */
        post: operations["ProposalsController_receipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/units/{unitId}/return-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 申请退转（第七条）
         * @description 须在接办之日起 15 日内（政策可调）以公函说明理由。
         */
        post: operations["ProposalsController_returnRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/units/{unitId}/return-decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 退转决定
         * @description 同意：该单位退出本件（无主办单位时待重新交办）；不同意：单位继续办理。
         */
        post: operations["ProposalsController_returnDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/units/{unitId}/reassignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 改派退转的部分（分别办理，第六条、第七条）
         * @description 分别办理中某单位退转已同意后，该单位的部分待改派：交给另一单位办理，新单位的退转期限和答复期限自其接办之日次日重新起算；其他单位的部分（期限、答复）不受影响。路径中的 unitId 为已退转的单位。
         */
        post: operations["ProposalsController_reassignPart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/feedback-recipient": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 指定征求意见表填写人（第十一、十四条）
         * @description 领衔人无账号时，办公室指定本件的一位提出人接收征求意见表（只能是本件提出人，杜绝“被满意”）。待反馈的答复随即向其重新发放：新链接（有账号发至其账号，否则短信或电子邮件），原链接作废。
         */
        post: operations["ProposalsController_feedbackRecipient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/units/{unitId}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录与代表委员的沟通（第十四、十六条）
         * @description 答复前须与提出人沟通；面商率是考核指标。
         */
        post: operations["ProposalsController_contact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/units/{unitId}/explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 延期说明（第十九条）
         * @description 答复期限届满前提交：困难、措施、预计办结日期；提交后逾期为“已说明延期”，否则为超期并追究责任。
         */
        post: operations["ProposalsController_explanation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 起草答复（第九、十条）
         * @description 签收后由主办或分别办理单位起草；送单位分管领导审查。省级、全国件（省政府办公厅交办）起草的是办理和答复意见，先送代表委员征求意见，满意后由建议提案处整理成市政府正式文件。
         */
        post: operations["RepliesController_draft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/replies/{replyId}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 审查答复（第九、十八条）
         * @description 本级件：单位分管领导 → （多单位办理时）分管副市长 → 建议提案处质量审查。省级、全国件的办理和答复意见：单位分管领导 → （多单位办理时）分管副市长；其市政府正式文件：办公厅相关处室（office_reviewer）审查 → 分管副市长审核签发。环节由角色确定；任何一级可退回（须写明意见），每轮均保留。分管副市长须为交办时指定的分管领导。
         */
        post: operations["RepliesController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/replies/{replyId}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 函复（第十条）
         * @description 承办单位：审查通过后发出，附征求意见表；抄送按第十条。省级、全国件由承办单位将办理和答复意见先送代表委员征求意见。建议提案处：发出已签发的市政府正式文件（省级、全国件），抄报省人大选任联工委、省政府办公厅、省政协提案委；本单位办结，全部办结后归档。
         */
        post: operations["RepliesController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/replies/{replyId}/disclosure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 选择公开方式（第二十条）
         * @description “谁办理、谁答复、谁公开”：答复发出后由答复单位选择全文公开、摘要公开或不予公开（须说明理由）；建议提案处可复核改选。以最后一次为准，每次均保留；归档后仍可选择。
         */
        post: operations["RepliesController_disclosure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/replies/{replyId}/promise-progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 报告B类答复承诺事项的办理进展
         * @description B类答复（正在解决或已列入计划逐步解决）是承诺：答复发出后系统按政策周期（默认每 3 个月）请答复单位报告进展，直至报告办结（done=true）。归档后仍须报告。
         */
        post: operations["RepliesController_promiseProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看征求意见表（代表委员持链接） */
        get: operations["FeedbackController_form"];
        put?: never;
        /**
         * 提交征求意见表
         * @description 每张表只能提交一次；sendBack=true 退回重新办理。任何单位都不能代填（杜绝“被满意”）。
         */
        post: operations["FeedbackController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 公开的办理复文（第二十条）
         * @description 只列出承办单位已选择公开方式的答复：全文公开（已隐去代表委员姓名、联系方式和抄送范围）、摘要公开或不予公开（仅公开理由）。
         */
        get: operations["PublicController_replies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/replies/{replyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一件公开的办理复文（第二十条） */
        get: operations["PublicController_reply"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 承办单位（公开查询的筛选项）
         * @description 单位代码与名称；不含任何人员信息。
         */
        get: operations["PublicController_units"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/major-approval/submission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提请阅批（第六条）
         * @description 涉及改革、开放和经济发展全局以及群众生活重大事项的，提请政府分管领导阅批后交办。
         */
        post: operations["LeadershipController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/major-approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 阅批（第六条）
         * @description 提请的分管副市长阅批，可附批示；阅批后方可交办。
         */
        post: operations["LeadershipController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/replies/{replyId}/reading": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 阅示（第九条）
         * @description 政府组成部门办结且代表委员满意（含基本满意）的答复，报分管副市长阅示；归档后仍可阅示。
         */
        post: operations["LeadershipController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/units/{unitId}/co-opinion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交会办意见
         * @description 主办+会办方式下，会办单位签收后将会办意见送主办单位，期限为主办单位答复期限前 30 日（政策可调）。提交后本单位的会办任务完成（不再按月报送进度），仍可补充意见；逾期提交照收，标记为逾期。
         */
        post: operations["HandlingController_coOpinion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/units/{unitId}/instructions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 登记请示（第五条）
         * @description 涉及上级政府及其部门职权范围的事项，应逐级请示后再答复，不得越权答复。请示未得到答复前，本单位不能起草或发出答复；会办单位的请示未答复时，主办单位的答复同样等待。返回 requestId。
         */
        post: operations["HandlingController_requestInstructions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/units/{unitId}/instructions/{requestId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录上级对请示的答复（第五条）
         * @description 记录批复内容和日期；该单位的所有请示均已答复后方可起草答复。
         */
        post: operations["HandlingController_recordInstructions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/units/{unitId}/progress-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 报送月度办理进度（督办台账）
         * @description 办理期间按月报送：会办单位每月 22 日前报主办单位，主办（单独、分别办理）单位每月 25 日前报建议提案处（政策可调，遇节假日不顺延）。自接办次月起报送；逾期未报由系统记入督办台账（不影响办理），逾期报送照收并标记。
         */
        post: operations["HandlingController_progressReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 并案办理：将内容相同或相近的件并入主件
         * @description 登记交办时决定，所有件均须未交办；人大代表建议只与建议并案，政协提案、建议案只与政协提案、建议案并案。主件交办、办理，并案件随主件办理；主件每次答复均送达各并案件，各件提出人分别填写征求意见表（第十、十一条），各自办结归档（第十七条）。全部检查通过才执行（全有或全无），拒绝时 details.itemId 指明哪一件。各件的步骤作为后台操作执行：中途某件拒绝时已完成的步骤撤销；工作进程或 API 崩溃后从中断处继续；带相同 Idempotency-Key 重试为同一操作。
         */
        post: operations["MergingController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/split": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 拆分：并案件恢复单独办理
         * @description 该件回到“已登记，待交办”，可单独交办；已收到的答复副本均保留。已办结归档的件不能拆分。
         */
        post: operations["MergingController_split"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量登记（表格导入）
         * @description 第 1 行为表头，其后每行一件，最多 10000 行，文件不超过 10 MB。表头用中文或英文键均可，列的顺序不限，未识别的列（如 序号）忽略。
         *
         *     | 表头 | 英文键 | 必填 | 填写说明 |
         *     |---|---|---|---|
         *     | 类别 | `kind` | 是 | 人大代表建议 / 政协委员提案 / 政协建议案（或 npc_suggestion / cppcc_proposal / cppcc_recommendation） |
         *     | 级别 | `level` | 是 | 本级 / 省级 / 全国（或 municipal / provincial / national） |
         *     | 届次年份 | `sessionYear` | 是 | 四位年份，如 2026 |
         *     | 提出时间 | `period` | 是 | 会议期间 / 闭会期间（或 plenary / interim） |
         *     | 标题 | `title` | 是 | 不超过 200 字 |
         *     | 内容 | `content` | 是 | 正文 |
         *     | 主题 | `topic` |  | 如 教育、医疗、交通（不超过 50 字） |
         *     | 提出人 | `proposers` | 是 | 联名时以 、 或 ; 分隔，第一位为领衔人 |
         *     | 代表团或界别 | `delegation` |  | 一项时适用于全部提出人；多项时以 、 或 ; 分隔，与提出人一一对应 |
         *     | 联系电话 | `phone` |  | 一项时属领衔人；多项时与提出人一一对应 |
         *     | 地址 | `address` |  | 一项时属领衔人；多项时与提出人一一对应 |
         *     | 账号 | `username` |  | 代表 / 委员的系统账号；一项时属领衔人；多项时与提出人一一对应 |
         *     | 重点 | `key` |  | 是 / 否（true / false、1 / 0），空为否 |
         *     | 重大 | `major` |  | 是 / 否，空为否；重大事项须分管领导阅批后交办 |
         *     | 急办 | `urgent` |  | 是 / 否，空为否 |
         *
         *     **全部或全不**：先按单件登记（POST /api/proposals）的同一规则逐行校验，任一行有误即答 400 `IMPORT_INVALID`，`details.rows` 列出每处错误 `{row, column, field, message}`（row 为表格行号，表头为第 1 行），不登记任何一件。全部无误后逐行登记（与单件登记相同的流程，编号按年度和类别自动分配）。
         *
         *     同一文件（内容逐字节相同）重复上传不会重复登记：每行的件 id 由文件的 SHA-256 和行号确定，重传时答复已登记的 id 和编号。登记中途失败（503 `IMPORT_INCOMPLETE`）时，重新上传同一文件即可补齐。
         */
        post: operations["ProposalImportController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/import/progress/{progressId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 批量登记的进度
         * @description 上传时带 ?progressId=… 的导入：尚未开始（文件仍在上传）、校验中、登记中（已处理行数 / 总行数）、完成或未完成。结束后保留 10 分钟；只能查看本账号的导入（其他标识答复 pending）。进度保存在数据库中，任一 API 进程都可答复。
         */
        get: operations["ProposalImportController_importProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量交办（交办会，第六条）
         * @description 一次最多 1000 件，接办之日相同。先校验全部条目（格式、件是否存在、单位是否存在、交办方式与单位数），有误即答 400 VALIDATION_FAILED（details.fields 如 items.3.leadUnitIds.0；details.items 按下标列出），不交办任何一件。然后逐件交办（与单件交办相同的流程）；某件因其办理状态被拒绝（如 409 ALREADY_ASSIGNED）只记在该件的结果中，不影响其余各件。分别办理中有单位退转、其部分待改派的件，按改派办理（与 POST /api/proposals/{id}/units/{unitId}/reassignment 相同）：mode 填 separate，leadUnitIds 为接手的单位（可用 fromUnitIds 对应已退转的单位），其他单位的部分不受影响。
         */
        post: operations["ProposalImportController_assignments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 当前办理政策（期限）
         * @description 尚未发布过任何版本时为内置默认值（版本 1：退转 15 日，答复 3 个月，紧急件 1 个月，反馈 30 日；答复期限前 30 日、7 日和退转期限前 3 日催办，超期后每 7 日催办；会办意见在主办单位期限前 30 日；每月 22 日、25 日报送进展）。
         */
        get: operations["PolicyAdminController_current"];
        /**
         * 发布新的办理政策版本
         * @description 提交任意几项期间（未提交的保持不变），发布为新版本（版本号 +1）并返回。新版本只适用于此后登记的件：在办件在登记时已复制当时的政策版本，继续按原版本计算期限。可设：退转期限、答复期限、紧急件答复期限、征求意见表反馈期限（feedbackPeriod）、重新办理答复期限（rehandlingPeriod）、催办（replyReminders、returnWindowReminders、overdueReminderEvery，只能以日或秒计）、会办意见期限（coUnitOpinionLeadTime）、督办台账报送日（progressReportDays）。期间写法：P15D（日）、P3M（月）、P10WD（工作日）；PT30S（秒）仅在非生产环境可用，供测试。每项最长约一年。
         */
        put: operations["PolicyAdminController_publish"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办理政策全部版本（新的在前） */
        get: operations["PolicyAdminController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 节假日日历概况
         * @description 已录入的年份（来源、更新时间），以及 2024 年至明年之间尚未录入的年份（status = missing，如“2027年节假日安排尚未录入”）。
         */
        get: operations["CalendarAdminController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 某年的节假日与调休上班日
         * @description 未录入的年份 covered = false，days 为空。
         */
        get: operations["CalendarAdminController_year"];
        /**
         * 录入或修订某年的节假日安排（整体替换）
         * @description 以提交的 days 整体替换该年数据，并将该年标记为已录入。校验：日期须在该年内、不得重复；workday（调休上班）须在周六或周日；holiday 通常在工作日，落在周末的会在 warnings 中提示。保存后，期限涉及该年的在办件（未归档、已交办）按修改后的日历重新计算期限（第七条、第十九条，SPEC §5）：每件以其登记时的政策、自接办之日起重新计算尚未届满的退转期限和答复期限，有变化的记录 DeadlinesRecomputed 事件（写明原因“节假日安排调整：<年> 年（管理员 <账号>）”），计时随之调整。已届满的期限（已关闭的退转期限、已过的答复期限）不变，按新日历会提前到已过去时刻的期限也不变。重新计算作为后台操作进行（operationId，GET /api/operations/{id} 查看进度；工作进程或 API 崩溃后从中断处继续，每件只重新计算一次；带相同 Idempotency-Key 重试时不会再次执行）：若在响应前完成，状态 200，recomputeRunningItems 给出重新计算的件数、有变化的件数和失败的件（一件失败不影响其他件）；否则状态 202，recomputeRunningItems 为 null。此后交办的件按新数据计算。
         */
        put: operations["CalendarAdminController_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账号列表 */
        get: operations["UsersAdminController_list"];
        put?: never;
        /**
         * 新建账号
         * @description 密码至少 10 位，须含字母和数字，不能包含用户名。
         */
        post: operations["UsersAdminController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账号详情及变更记录 */
        get: operations["UsersAdminController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用账号（已签发的令牌立即失效） */
        post: operations["UsersAdminController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 启用账号 */
        post: operations["UsersAdminController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码（已签发的令牌立即失效，并解除登录锁定） */
        post: operations["UsersAdminController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 更改角色 / 所属单位（已签发的令牌立即失效） */
        put: operations["UsersAdminController_changeRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 解除登录锁定 */
        post: operations["UsersAdminController_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的消息（站内信）
         * @description 交办、退转、期限届满、超期、催办等通知，只含本人的消息，按时间倒序；unreadCount 为本人未读总数。
         */
        get: operations["InboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/inbox/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 全部标为已读 */
        post: operations["InboxController_markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/inbox/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 标为已读
         * @description 只能标记本人的消息；他人的消息与不存在的一样答 404。重复标记保留首次已读时间。
         */
        post: operations["InboxController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 后台操作的进度与结果
         * @description 节假日修订后的期限重新计算（admin）、并案与拆分（office）在后台以工作流执行：工作进程或 API 崩溃后从中断处继续，每件只处理一次。进行中时给出 total / done / changed / failed；完成后给出最终结果。建议提案处只能查看并案与拆分操作。
         */
        get: operations["OperationsController_operation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/projections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 读模型（投影）状态
         * @description 每个投影的检查点、落后事件数（lag）和被搁置的事件数（parked）。投影无法处理的事件会被搁置（记录错误并报警），投影继续处理之后的事件；修复后可重建投影。parkedEvents 列出最早的被搁置事件。
         */
        get: operations["OperationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/projections/{name}/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 重建投影
         * @description 清空该读模型和它被搁置的事件、检查点回到起点（在一个事务内），随后投影从事件库重放全部事件（后台进行，进度见 GET /api/admin/projections 的 lag）。仍无法处理的事件会再次被搁置。重放完成（lag 归零）之前，该读模型（如件的列表、公开答复）不完整；件的详情和命令不受影响（直接读事件）。请勿在节假日重新计算进行中重建 proposal_list（重新计算按列表选取在办件）。
         */
        post: operations["OperationsController_rebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 考核指标：按时答复率、见面沟通率、重点件及建议案满意率、满意率、解决率
         * @description 总体、分口（人大/政协）、分单位、分分管副市长，每项给出分子、分母、比率、目标和是否达标；asOf 给出截至该日末的数字。范围按角色限定：办公厅看全部，联络机构看本口，承办单位看本单位，副市长看分管。openPromises：B类答复（正在解决或列入计划）的承诺尚未兑现的件数（仅供参考，无目标）。计数规则见 docs/kpis.md：以“件×答复单位”为一个计数单元；每轮答复按其自身期限判定是否按时；逾期未反馈不计为满意；满意＝满意＋基本满意。
         */
        get: operations["StatsController_kpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/kpis/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 指标明细：某一数字背后的件
         * @description 按指标和结果（分子、分母、未决或某一结果）列出件和答复单位，按编号排序。计数规则见 docs/kpis.md：以“件×答复单位”为一个计数单元；每轮答复按其自身期限判定是否按时；逾期未反馈不计为满意；满意＝满意＋基本满意。
         */
        get: operations["StatsController_items"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 各承办单位办理情况统计（公开）
         * @description 只有数字（分子、分母、比率、目标），不含任何个人信息。
         */
        get: operations["PublicStatsController_figures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 交办前预览期限（只读）
         * @description 按当前政策和节假日日历，计算以 assignedOn 为接办之日的退转期限、答复期限和会办意见期限及其计算说明；不记录任何事件。
         */
        get: operations["DeadlinePreviewController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unitId}/summaries/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 报送年度办理工作总结（第十二条）
         * @description 当年承办 2 件以上的单位，在全部办结后的政策期限（默认 1 个月）内由单位领导报送书面总结；逾期仍可报送并记为逾期。
         */
        post: operations["UnitSummariesController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unitId}/summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位的年度办理工作总结义务（应报送、已报送） */
        get: operations["UnitSummariesController_ofUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/unit-summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 各单位年度办理工作总结一览（建议提案处）
         * @description 应报送、已报送、逾期的单位；用于起草政府系统全年办理工作总结报告。
         */
        get: operations["UnitSummariesController_all"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthDto: {
            /** @enum {string} */
            status: "ok" | "error";
            /** @enum {string} */
            database: "ok" | "error";
            /** @enum {string} */
            temporal: "ok" | "error";
        };
        LoginDto: {
            /** @example office */
            username: string;
            /** @example Demo#2026 */
            password: string;
        };
        UserDto: {
            /** Format: uuid */
            id: string;
            /** @example rsj-handler */
            username: string;
            /** @example 白若溪 */
            displayName: string;
            /**
             * @example unit_handler
             * @enum {string}
             */
            role: "office" | "office_reviewer" | "unit_handler" | "unit_leader" | "vice_mayor" | "npc_liaison" | "cppcc_liaison" | "proposer" | "admin";
            /**
             * @description 所属单位代码（承办单位角色）
             * @example rsj
             */
            unitId: string | null;
        };
        LoginResponseDto: {
            /** @description JWT (HS256, 12 小时)；之后请求头携带 Authorization: Bearer <accessToken> */
            accessToken: string;
            /** @example 43200 */
            expiresIn: number;
            user: components["schemas"]["UserDto"];
        };
        ErrorDto: {
            /** @example 409 */
            statusCode: number;
            /**
             * @description 稳定的机器可读错误码
             * @example RETURN_WINDOW_CLOSED
             */
            code: string;
            /** @example 退转期限已于 2026-03-16 届满，由接办单位负责办理（第七条） */
            message: string;
            /**
             * @description 附加信息；VALIDATION_FAILED 时为 {fields:[{field, errors}]}
             * @example {
             *       "fields": [
             *         {
             *           "field": "proposers.0.name",
             *           "errors": [
             *             "提出人姓名不能为空"
             *           ]
             *         }
             *       ]
             *     }
             */
            details?: Record<string, never>;
        };
        MeDto: {
            /** Format: uuid */
            id: string;
            /** @example rsj-handler */
            username: string;
            /** @example 白若溪 */
            displayName: string;
            /**
             * @example unit_handler
             * @enum {string}
             */
            role: "office" | "office_reviewer" | "unit_handler" | "unit_leader" | "vice_mayor" | "npc_liaison" | "cppcc_liaison" | "proposer" | "admin";
            /**
             * @description 所属单位代码（承办单位角色）
             * @example rsj
             */
            unitId: string | null;
            /** @example 市人社局 */
            unitName: string | null;
            /**
             * @example null
             * @enum {string|null}
             */
            chamber: "npc" | "cppcc" | null;
        };
        UnitDto: {
            /**
             * @description 单位代码（API 中的 unitId）
             * @example rsj
             */
            code: string;
            /** @example 市人社局 */
            name: string;
            /**
             * @description department 政府部门 / organization 人民团体
             * @example department
             */
            kind: string;
        };
        ContactEntryDto: {
            /**
             * @description main_leader 主要领导 / leader_in_charge 分管领导 / office_head 办公室负责人 / handler 承办人员
             * @enum {string}
             */
            kind: "main_leader" | "leader_in_charge" | "office_head" | "handler";
            /** @example 赵建华 */
            name: string;
            /**
             * @description 联系电话（手机或座机，可含 + - 空格 括号）
             * @example 13800000100
             */
            phone: string;
            /**
             * @description 职务
             * @example 市人社局局长
             */
            position: string;
        };
        ContactsChangeDto: {
            /**
             * @description 第几次变更（单位通信录事件流的版本）
             * @example 2
             */
            version: number;
            /** @example 2026-11-27T08:00:00.000Z */
            at: string;
            /**
             * @description 操作人（null 为系统导入）
             * @example admin
             */
            by: string | null;
            /** @description 变更后的完整通信录 */
            contacts: components["schemas"]["ContactEntryDto"][];
        };
        UnitContactsDto: {
            /** @example rsj */
            unitId: string;
            /** @example 市人社局 */
            unitName: string;
            /** @description 当前通信录（按类别、顺序） */
            contacts: components["schemas"]["ContactEntryDto"][];
            /** @description 历次变更（旧的在前） */
            history: components["schemas"]["ContactsChangeDto"][];
        };
        PutContactsDto: {
            /** @description 主要领导、分管领导、办公室负责人各至多一位，承办人员至多 20 位 */
            contacts: components["schemas"]["ContactEntryDto"][];
        };
        LeaderDto: {
            /**
             * @description 账号（交办时的分管市领导 leaderInCharge）
             * @example vice-mayor-1
             */
            username: string;
            /**
             * @description 姓名
             * @example 周慕远
             */
            name: string;
        };
        ProposerDto: {
            /**
             * @description 提出人姓名（联名时每人一条）
             * @example 测试代表甲
             */
            name: string;
            /**
             * @description 代表团 / 界别
             * @example 金水区代表团
             */
            delegation?: string;
            /**
             * @description 联系电话（个人信息，不公开）
             * @example 13800000000
             */
            phone?: string;
            /**
             * @description 电子邮箱（个人信息，不公开）；无账号、无电话时征求意见表链接发送至此
             * @example daibiao@example.cn
             */
            email?: string;
            /** @description 通讯地址（个人信息，不公开） */
            address?: string;
            /**
             * @description 关联的代表 / 委员账号
             * @example deputy-1
             */
            username?: string;
        };
        RegisterProposalDto: {
            /**
             * @description 人大代表建议 / 政协委员提案 / 政协建议案
             * @enum {string}
             */
            kind: "npc_suggestion" | "cppcc_proposal" | "cppcc_recommendation";
            /**
             * @description 本级 / 省级交办 / 全国交办
             * @enum {string}
             */
            level: "municipal" | "provincial" | "national";
            /**
             * @description 届次年份
             * @example 2026
             */
            sessionYear: number;
            /**
             * @description 会议期间 plenary / 闭会期间 interim
             * @enum {string}
             */
            period: "plenary" | "interim";
            /** @example 关于推进老旧小区加装电梯的建议 */
            title: string;
            /** @description 正文 */
            content: string;
            /**
             * @description 类别 / 主题
             * @example 城乡建设
             */
            topic?: string;
            proposers: components["schemas"]["ProposerDto"][];
            /** @description 重点建议 / 重点提案 */
            key?: boolean;
            /** @description 关系全局或群众生活的重大事项（须分管领导阅批后交办） */
            major?: boolean;
            /** @description 急需办理（缩短答复期限） */
            urgent?: boolean;
        };
        AssignmentInfoDto: {
            /** @enum {string} */
            mode: "single" | "lead" | "separate";
            leaderInCharge?: string;
            division?: string;
        };
        CoUnitOpinionViewDto: {
            opinion: string;
            /** Format: date-time */
            submittedAt: string;
            /** @description 逾期提交 */
            late: boolean;
        };
        InstructionsAnswerViewDto: {
            answer: string;
            /** @example 2026-11-23 */
            on: string;
            /** Format: date-time */
            recordedAt: string;
        };
        InstructionRequestViewDto: {
            requestId: string;
            /** @example 省住房和城乡建设厅 */
            authority: string;
            matter: string;
            /** Format: date-time */
            requestedAt: string;
            /** @description 上级答复；为空表示尚未答复，本单位不能起草或发出答复（第五条） */
            answer?: components["schemas"]["InstructionsAnswerViewDto"] | null;
        };
        ProgressReportViewDto: {
            /** @example 2026-12 */
            month: string;
            progress: string;
            /**
             * Format: date-time
             * @description 应报时间（当月报送日 24:00，上海时间）
             */
            dueAt: string;
            /** Format: date-time */
            submittedAt: string;
            /** @description 逾期报送 */
            late: boolean;
        };
        MissedProgressReportViewDto: {
            /** @example 2026-12 */
            month: string;
            /** Format: date-time */
            dueAt: string;
        };
        NextProgressReportViewDto: {
            /** @example 2027-01 */
            month: string;
            /** Format: date-time */
            dueAt: string;
        };
        ExplanationViewDto: {
            reasons: string;
            measures: string;
            expectedOn: string;
            filedAt: string;
        };
        HandlingRoundDto: {
            /**
             * @description 办理轮次：1 为交办后的首轮，每次代表委员退回后 +1
             * @example 1
             */
            round: number;
            /**
             * Format: date-time
             * @description 本轮开始：首轮为交办，其后为代表委员退回之时
             */
            startedAt: string;
            /**
             * Format: date-time
             * @description 本轮答复期限届满时刻
             */
            replyDueAt: string;
            /** @example 2026-06-01 */
            replyDueLastDay: string | null;
            /** @description 本轮答复期限的计算说明 */
            replyDueExplanation: string;
            /**
             * Format: date-time
             * @description 本轮答复发出时间
             */
            repliedAt: string | null;
            /** @description 本轮在期限内答复 */
            repliedInTime: boolean;
            /** @description 本轮的延期说明（第十九条） */
            explanation?: components["schemas"]["ExplanationViewDto"] | null;
            /**
             * Format: date-time
             * @description 本轮答复期限届满而未答复的时间
             */
            replyDeadlinePassedAt: string | null;
            /** @description 本轮超期未答复且未说明 */
            overdue: boolean;
            /** @description 本轮追究责任 */
            accountabilityFlagged: boolean;
        };
        ReturnDecisionViewDto: {
            approve: boolean;
            comment: string;
            /** Format: date-time */
            decidedAt: string;
        };
        ReturnRequestViewDto: {
            reason: string;
            /** Format: date-time */
            requestedAt: string;
            decision?: components["schemas"]["ReturnDecisionViewDto"];
        };
        ContactViewDto: {
            /** @enum {string} */
            method: "face_to_face" | "phone" | "letter" | "visit";
            on: string;
            summary: string;
            recordedAt: string;
        };
        UnitAssignmentDto: {
            /**
             * Format: date-time
             * @description 会办单位：会办意见期限（主办单位答复期限前 30 日，政策可调）
             */
            opinionDueAt: string | null;
            /** @example 2027-01-25 */
            opinionDueLastDay: string | null;
            /** @description 会办意见期限计算说明（非会办单位为空） */
            opinionDueExplanation: string;
            /** @description 会办单位送主办单位的会办意见 */
            coUnitOpinions: components["schemas"]["CoUnitOpinionViewDto"][];
            /**
             * Format: date-time
             * @description 会办意见期限届满而未提交：届满时刻
             */
            opinionOverdueAt: string | null;
            /** @description 请示（第五条） */
            instructionRequests: components["schemas"]["InstructionRequestViewDto"][];
            /** @description 有尚未答复的请示（第五条：请示答复前不得答复代表委员） */
            instructionsPending: boolean;
            /** @description 督办台账：按月报送的办理进度 */
            progressReports: components["schemas"]["ProgressReportViewDto"][];
            /** @description 督办台账：未按时报送的月份（督办发现的问题，不影响办理） */
            progressReportsMissed: components["schemas"]["MissedProgressReportViewDto"][];
            /** @description 下一次应报送的月份与时间；已答复、办结或退转的单位为空 */
            nextProgressReport: components["schemas"]["NextProgressReportViewDto"] | null;
            /** @example cjj */
            unitId: string;
            /** @example 市城建局 */
            unitName: string;
            /** @enum {string} */
            role: "lead" | "co" | "separate";
            /**
             * @description 待签收 / 办理中 / 已退转
             * @enum {string}
             */
            status: "assigned" | "handling" | "returned";
            responsiblePerson?: string;
            /**
             * @description 改派（分别办理）：本单位接手的是哪个已退转单位的部分
             * @example cjj
             */
            reassignedFrom: string | null;
            /**
             * @description 改派（分别办理）：已退转单位的部分改派给了哪个单位
             * @example sjj
             */
            reassignedTo: string | null;
            /**
             * @description 接办之日
             * @example 2026-03-01
             */
            assignedOn: string;
            /**
             * Format: date-time
             * @description 签收时间（不影响期限）
             */
            signedAt: string | null;
            /**
             * Format: date-time
             * @description 退转期限届满时刻（最后一日 24:00，上海时间）
             */
            returnWindowClosesAt: string;
            /** @example 2026-03-16 */
            returnWindowLastDay: string | null;
            /** @description 退转期限是否已届满 */
            returnWindowClosed: boolean;
            /** Format: date-time */
            returnWindowClosedAt: string | null;
            /** @description 期限计算说明（民法典第二百零一条至第二百零三条） */
            returnWindowExplanation: string;
            /**
             * Format: date-time
             * @description 本轮答复期限（退回重新办理后为重新办理的期限）
             */
            replyDueAt: string;
            /** @example 2026-06-01 */
            replyDueLastDay: string | null;
            replyDueExplanation: string;
            /** @description 答复期限涉及尚未录入节假日安排的年份，暂按普通周计算 */
            replyDueProvisional: boolean;
            /**
             * @description 当前办理轮次（重新办理，第十条）
             * @example 1
             */
            round: number;
            /** @description 各轮办理及其答复期限，当前一轮在最后 */
            rounds: components["schemas"]["HandlingRoundDto"][];
            returnRequests: components["schemas"]["ReturnRequestViewDto"][];
            /** @description 与代表委员的沟通（第十四条） */
            contacts: components["schemas"]["ContactViewDto"][];
            /** @description 延期说明（第十九条） */
            explanation?: components["schemas"]["ExplanationViewDto"] | null;
            /** @description 答复期限届满而未答复的时间 */
            replyDeadlinePassedAt?: string | null;
            /** @description 已说明延期 */
            delayedWithExplanation: boolean;
            /** @description 超期未答复且未说明（第十九条） */
            overdue: boolean;
            /** @description 追究分管领导和承办人员责任 */
            accountabilityFlagged: boolean;
        };
        PartAwaitingReassignmentDto: {
            /**
             * @description 已退转的单位
             * @example cjj
             */
            unitId: string;
            /** @example 市城建局 */
            unitName: string;
            /**
             * Format: date-time
             * @description 同意退转的时间（自此待改派）
             */
            since: string;
        };
        GovernmentDocumentViewDto: {
            /** @description 第几次整理（退回后重新整理 +1） */
            round: number;
            /**
             * @description 文号
             * @example 郑政文〔2026〕12号
             */
            documentNumber?: string | null;
            title: string;
            body: string;
            /** @enum {string} */
            status: "in_review" | "returned" | "signed" | "sent";
            /** @description office_reviewer 办公厅相关处室审查 → vice_mayor_signature 分管副市长审核签发 */
            stages: string[];
            currentStage?: string | null;
            /** @description 审查、签发意见：stage，approve，comment，at */
            reviews: Record<string, never>[];
            /** Format: date-time */
            compiledAt: string;
            /**
             * Format: date-time
             * @description 签发时间
             */
            signedAt?: string | null;
            /**
             * Format: date-time
             * @description 发出时间
             */
            sentAt?: string | null;
            /** @description 抄报：省人大选任联工委、省政府办公厅、省政协提案委（第十条） */
            cc: string[];
        };
        ReplyMergingViewDto: {
            /** @description 并案件：本答复是主件答复的副本（proposalId 主件 id、number 主件编号、replyId 主件答复 id） */
            from?: Record<string, never> | null;
            /** @description 主件：本答复已送达的并案件 id */
            copiedTo: string[];
            /** @description 主件：本轮仅为并案件重新办理，主件提出人已反馈，不再征求其意见 */
            forMergedItemsOnly: boolean;
            /**
             * Format: date-time
             * @description 并案件：被其后的答复副本取代而未反馈
             */
            supersededAt?: string | null;
            /**
             * Format: date-time
             * @description 并案件：拆分时关闭而未反馈
             */
            splitAt?: string | null;
        };
        FeedbackRecipientViewDto: {
            /**
             * @description account 提出人账号 / sms 短信 / email 电子邮件 / none 无法送达
             * @enum {string}
             */
            channel: "account" | "sms" | "email" | "none";
            /** @description 收件的提出人姓名 */
            name?: string | null;
            /** @description 收件账号（channel 为 account 时） */
            username?: string;
            /** @description 收件人在提出人名单中的序号（0 为领衔人） */
            proposerIndex?: number;
            /** @description 经办公室指定后重新发放 */
            reissued: boolean;
            /** Format: date-time */
            at: string;
        };
        ReplyViewDto: {
            id: string;
            unitId: string;
            round: number;
            /** @enum {string} */
            category: "A" | "B" | "C" | "D";
            /** @enum {string} */
            status: "in_review" | "returned_for_revision" | "approved" | "sent" | "closed" | "awaiting_document" | "document_in_review" | "document_signed";
            body: string;
            cc: string[];
            stages: string[];
            currentStage?: string | null;
            reviews: Record<string, never>[];
            draftedAt: string;
            sentAt?: string | null;
            feedbackDueAt?: string | null;
            feedback?: Record<string, never> | null;
            feedbackMissingAt?: string | null;
            sentBack: boolean;
            /** @description 公开方式（第二十条）：mode full/summary/withheld，summary，reason，chosenAt */
            disclosure?: Record<string, never> | null;
            /** @description 分管副市长阅示（第九条）：by，comment，at */
            reading?: Record<string, never> | null;
            /** @description B类答复的承诺事项跟踪：followUps [{round, requestedAt, dueAt}]，reports [{text, done, at}]，fulfilledAt，open（其他类别为 null） */
            promise?: Record<string, never> | null;
            /** @description 省级、全国件：由本办理和答复意见整理的市政府正式文件，每轮均保留（本级件为空） */
            documents: components["schemas"]["GovernmentDocumentViewDto"][];
            /** @description 并案办理：主件答复的副本，或已送达的并案件 */
            merging?: components["schemas"]["ReplyMergingViewDto"] | null;
            /** @description 征求意见表发给了谁（渠道与姓名，不含令牌）；提出人视图中为空 */
            feedbackRecipient?: components["schemas"]["FeedbackRecipientViewDto"] | null;
            /** @description 仅提出人本人可见：征求意见表链接的令牌 */
            feedbackToken?: string;
        };
        MergedItemViewDto: {
            /** Format: uuid */
            id: string;
            /** @example 2026-建议-0002 */
            number: string;
            title: string;
            /** @description 提出人姓名 */
            proposerNames: string[];
            /**
             * @description merged 随主件办理 / done 已办结 / split 已拆分单独办理
             * @enum {string}
             */
            status: "merged" | "done" | "split";
            /** @description 已退回答复，等待承办单位再次答复 */
            awaitingReply: boolean;
            /** Format: date-time */
            mergedAt: string;
            /** Format: date-time */
            doneAt?: string | null;
            /** Format: date-time */
            splitAt?: string | null;
        };
        MergedIntoViewDto: {
            /** Format: uuid */
            id: string;
            /** @example 2026-建议-0001 */
            number: string;
            /** Format: date-time */
            mergedAt: string;
        };
        ProposalDetailDto: {
            /** Format: uuid */
            id: string;
            /** @example 2026-建议-0001 */
            number: string;
            /** @enum {string} */
            kind: "npc_suggestion" | "cppcc_proposal" | "cppcc_recommendation";
            /** @enum {string} */
            level: "municipal" | "provincial" | "national";
            /**
             * @description registered 待交办 / assigned 已交办 / awaiting_reassignment 待重新交办 / merged 已并入主件办理（并案办理） / archived 已归档
             * @example assigned
             */
            status: string;
            title: string;
            content: string;
            topic?: string;
            proposers: components["schemas"]["ProposerDto"][];
            /** @description 办公室指定的征求意见表填写人：proposerIndex，name，at（第十一、十四条） */
            feedbackDesignee?: Record<string, never> | null;
            key: boolean;
            major: boolean;
            urgent: boolean;
            /** @example 2026 */
            sessionYear: number;
            /** @enum {string} */
            period: "plenary" | "interim";
            /** Format: date-time */
            registeredAt: string;
            policyVersion: number | null;
            assignment: components["schemas"]["AssignmentInfoDto"] | null;
            assignments: components["schemas"]["UnitAssignmentDto"][];
            /** @description 分别办理中退转已同意、待改派的部分（POST /api/proposals/{id}/units/{unitId}/reassignment） */
            partsAwaitingReassignment: components["schemas"]["PartAwaitingReassignmentDto"][];
            /** @description 答复（每轮、每次审查均保留） */
            replies: components["schemas"]["ReplyViewDto"][];
            /** @description 归档时间（第十七条） */
            archivedAt?: string | null;
            /** @description 重大事项阅批（第六条）：viceMayor，submittedAt，note，approvedAt，instructions */
            majorApproval?: Record<string, never> | null;
            /** @description 并案办理：并入本件（主件）办理的件 */
            mergedItems: components["schemas"]["MergedItemViewDto"][];
            /** @description 并案办理：本件已并入的主件 */
            mergedInto?: components["schemas"]["MergedIntoViewDto"] | null;
            /** @description 事件流版本 */
            version: number;
        };
        ProposalListItemDto: {
            /** Format: uuid */
            id: string;
            number: string;
            kind: string;
            level: string;
            sessionYear: number;
            period: string;
            title: string;
            topic: string | null;
            status: string;
            key: boolean;
            major: boolean;
            urgent: boolean;
            proposerNames: string[];
            /** @description 曾交办的单位 */
            unitIds: string[];
            /** @description 当前承办的单位 */
            activeUnitIds: string[];
            /** @description 当前主办（单一 / 分别办理）单位 */
            leadUnitIds: string[];
            leaderInCharge: string | null;
            /** Format: date-time */
            registeredAt: string;
            assignedOn: string | null;
            /** Format: date-time */
            replyDueAt: string | null;
            overdue: boolean;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        ProposalListPageDto: {
            items: components["schemas"]["ProposalListItemDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        UnitFiguresDto: {
            /** @example rsj */
            unitId: string;
            /**
             * @description 曾交办本单位的件数
             * @example 12
             */
            assigned: number;
            /**
             * @description 本单位仍在办理的件数
             * @example 5
             */
            active: number;
            /**
             * @description 本单位负责答复而超期的件数（第十九条）
             * @example 1
             */
            overdue: number;
        };
        ProposalFiguresDto: {
            /** @example 154 */
            total: number;
            /**
             * @description 按办理阶段计数
             * @example {
             *       "registered": 120,
             *       "assigned": 33,
             *       "archived": 1
             *     }
             */
            byStatus: {
                [key: string]: number;
            };
            /**
             * @description 超期件数（第十九条）
             * @example 1
             */
            overdue: number;
            /**
             * @description 7 日内届满的答复期限
             * @example 1
             */
            due7: number;
            /**
             * @description 30 日内届满的答复期限
             * @example 2
             */
            due30: number;
            units: components["schemas"]["UnitFiguresDto"][];
        };
        EventActorDto: {
            userId: string;
            username?: string;
            /** @example office */
            role: string;
            unitId?: string | null;
        };
        ProposalEventDto: {
            version: number;
            /** @example ProposalAssigned */
            type: string;
            /**
             * Format: date-time
             * @description 业务发生时间
             */
            occurredAt: string;
            /**
             * Format: date-time
             * @description 记录时间
             */
            recordedAt: string;
            actor: components["schemas"]["EventActorDto"] | null;
            data: Record<string, never>;
            correlationId: string;
        };
        AssignProposalDto: {
            /**
             * @description single 单一办理 / lead 主办+会办 / separate 分别办理
             * @enum {string}
             */
            mode: "single" | "lead" | "separate";
            /**
             * @description 主办（单一 / 分别办理时为全部）单位代码
             * @example [
             *       "cjj"
             *     ]
             */
            leadUnitIds: string[];
            /**
             * @description 会办单位代码（仅 lead 模式）
             * @example [
             *       "zfbzj"
             *     ]
             */
            coUnitIds?: string[];
            /**
             * @description 接办之日 YYYY-MM-DD（通常为交办会日期），各项期限自次日起算
             * @example 2026-03-01
             */
            assignedOn: string;
            /**
             * @description 分管市领导
             * @example vice-mayor-1
             */
            leaderInCharge?: string;
            /**
             * @description 办公厅责任处室
             * @example 二处
             */
            division?: string;
            /**
             * @description 各单位责任人：单位代码 → 姓名
             * @example {
             *       "cjj": "某某（办公室主任）"
             *     }
             */
            responsiblePersons?: Record<string, never>;
        };
        ReturnRequestDto: {
            /**
             * @description 退转理由（公函）
             * @example 该事项不属于本单位职责，建议交市城建局办理。
             */
            reason: string;
        };
        ReturnDecisionDto: {
            /** @description true 同意退转 / false 不同意（单位继续办理） */
            approve: boolean;
            /** @example 同意退转 */
            comment?: string;
        };
        ReassignPartDto: {
            /**
             * @description 接手该部分的单位代码（不能是已承办或已退转本件某一部分的单位）
             * @example sjj
             */
            toUnitId: string;
            /**
             * @description 新单位的接办之日 YYYY-MM-DD（不早于同意退转之日、不晚于今天），退转期限和答复期限自次日重新起算
             * @example 2026-03-20
             */
            assignedOn: string;
            /**
             * @description 新单位的责任人
             * @example 某某（办公室主任）
             */
            responsiblePerson?: string;
        };
        FeedbackRecipientDto: {
            /**
             * @description 本件提出人的序号（0 为领衔人，按登记顺序）；只能指定本件的提出人
             * @example 1
             */
            proposerIndex: number;
        };
        ContactDto: {
            /**
             * @description face_to_face 面商 / phone 电话 / letter 书面 / visit 座谈走访
             * @enum {string}
             */
            method: "face_to_face" | "phone" | "letter" | "visit";
            /**
             * @description 沟通日期 YYYY-MM-DD
             * @example 2026-11-20
             */
            on: string;
            /** @example 到代表所在社区面商，介绍加装电梯补贴政策，听取意见。 */
            summary: string;
        };
        ExplanationDto: {
            /**
             * @description 办理中遇到的困难
             * @example 涉及多部门协调，所需资金尚未落实。
             */
            reasons: string;
            /**
             * @description 已采取的措施
             * @example 已列入明年工作计划，正在协调财政资金。
             */
            measures: string;
            /**
             * @description 预计办结日期 YYYY-MM-DD
             * @example 2027-06-30
             */
            expectedOn: string;
        };
        DraftReplyDto: {
            /**
             * @description 起草答复的单位（主办或分别办理单位）
             * @example cjj
             */
            unitId: string;
            /**
             * @description A 已解决或基本解决 / B 正在解决或已列入计划 / C 不能解决 / D 留作参考（第十条）
             * @enum {string}
             */
            category: "A" | "B" | "C" | "D";
            /** @example 您提出的关于……的提案收悉，现答复如下：…… */
            body: string;
            /** @description 抄送；不填按第十条确定（分管副市长、人大选任联工委或政协提案委、建议提案处） */
            cc?: string[];
        };
        ReviewReplyDto: {
            /** @description true 通过 / false 退回修改（须写明意见） */
            approve: boolean;
            /** @example 请补充办理时间表 */
            comment?: string;
        };
        SendReplyDto: {
            /**
             * @description 仅建议提案处发出正式文件时：文号（整理时未填的须在此填写）
             * @example 郑政文〔2026〕12号
             */
            documentNumber?: string;
        };
        CompileGovernmentDocumentDto: {
            /**
             * @description 文号；可在发出时再填
             * @example 郑政文〔2026〕12号
             */
            documentNumber?: string;
            /**
             * @description 不填则按件名生成
             * @example 市人民政府关于省十四届人大三次会议第0031号建议的答复
             */
            title?: string;
            /** @example 省人大代表某某：您提出的关于……的建议收悉，现答复如下：…… */
            body: string;
        };
        ChooseDisclosureDto: {
            /**
             * @description full 全文公开（隐去代表委员姓名、联系方式和抄送范围）/ summary 摘要公开 / withheld 不予公开（须说明理由，理由公开）
             * @enum {string}
             */
            mode: "full" | "summary" | "withheld";
            /** @description mode=summary 时必填：公开的摘要 */
            summary?: string;
            /** @description mode=withheld 时必填：不予公开的理由（如涉及国家秘密），理由本身公开 */
            reason?: string;
        };
        PromiseProgressDto: {
            /**
             * @description 承诺事项的办理进展
             * @example 一期工程已完工，二期已列入 2027 年计划。
             */
            text: string;
            /**
             * @description true：承诺事项已办结（此后不再催报）
             * @example false
             */
            done: boolean;
        };
        FeedbackDto: {
            /**
             * @description 对办理态度：满意 / 基本满意 / 不满意
             * @enum {string}
             */
            attitude: "satisfied" | "basically_satisfied" | "dissatisfied";
            /**
             * @description 对办理结果：满意 / 基本满意 / 不满意
             * @enum {string}
             */
            result: "satisfied" | "basically_satisfied" | "dissatisfied";
            /**
             * @description 承办单位是否、如何与您沟通
             * @enum {string}
             */
            contact: "face_to_face" | "phone" | "letter" | "visit" | "none";
            /** @example 希望加快进度 */
            comments?: string;
            /** @description true：不满意或情况变化，退回重新办理（第十条） */
            sendBack?: boolean;
        };
        PublicReplyDto: {
            replyId: string;
            /** @example 2026-建议-0001 */
            proposalNumber: string;
            /** @example 2026 */
            year: number;
            /** @enum {string} */
            kind: "npc_suggestion" | "cppcc_proposal" | "cppcc_recommendation";
            topic?: string | null;
            /**
             * @description 答复单位代码
             * @example rsj
             */
            unitId: string;
            /**
             * @description 答复单位名称（谁办理、谁答复、谁公开）
             * @example 市人社局
             */
            unitName: string;
            /** @enum {string} */
            category: "A" | "B" | "C" | "D";
            /** @enum {string} */
            mode: "full" | "summary" | "withheld";
            title: string;
            /** @description 全文（已隐去个人信息）或摘要；不予公开时为空 */
            text?: string | null;
            /** @description 不予公开的理由 */
            reason?: string | null;
            /** Format: date-time */
            publishedAt: string;
        };
        PublicRepliesPageDto: {
            items: components["schemas"]["PublicReplyDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        PublicUnitDto: {
            /** @example rsj */
            code: string;
            /** @example 市人社局 */
            name: string;
        };
        SubmitMajorItemDto: {
            /**
             * @description 分管副市长（用户名）
             * @example vice-mayor-1
             */
            viceMayor: string;
            /**
             * @description 提请说明
             * @example 涉及全市轨道交通线网调整，属重大事项
             */
            note?: string;
        };
        ApproveMajorItemDto: {
            /**
             * @description 批示
             * @example 请市交通局牵头，会同市发展改革委年内拿出方案
             */
            instructions?: string;
        };
        ReadReplyDto: {
            /**
             * @description 阅示意见
             * @example 已阅，继续跟踪落实
             */
            comment?: string;
        };
        CoUnitOpinionDto: {
            /**
             * @description 会办意见（送主办单位）
             * @example 建议将加装电梯纳入老旧小区改造统筹考虑，住房保障部门可提供补贴政策依据。
             */
            opinion: string;
        };
        InstructionsRequestDto: {
            /**
             * @description 请示的上级政府或部门
             * @example 省住房和城乡建设厅
             */
            authority: string;
            /**
             * @description 请示事项
             * @example 既有住宅加装电梯是否适用省级补贴资金
             */
            matter: string;
        };
        InstructionsAnswerDto: {
            /**
             * @description 上级的答复（批复）意见
             * @example 可按省级既有住宅加装电梯补贴办法执行。
             */
            answer: string;
            /**
             * @description 收到答复的日期 YYYY-MM-DD
             * @example 2026-11-23
             */
            on: string;
        };
        ProgressReportDto: {
            /**
             * @description 报送月份 YYYY-MM（当月 22 日前会办单位报主办单位、25 日前主办单位报建议提案处，日期为政策）
             * @example 2026-12
             */
            month: string;
            /**
             * @description 办理进展
             * @example 已完成现场踏勘，正在会同街道制定加装方案。
             */
            progress: string;
        };
        MergeProposalsDto: {
            /** @description 并入主件的建议提案 id（均须未交办、同属人大或政协、本级） */
            itemIds: string[];
        };
        OperationFailureDto: {
            /**
             * Format: uuid
             * @description 件的 id
             */
            proposalId: string;
            /** @example 2026-建议-0042 */
            number: string;
            /**
             * @description 错误代码（同该件命令的错误响应的 code）
             * @example ALREADY_ASSIGNED
             */
            code: string;
            /** @example 409 */
            status: number;
            /** @example 该件已交办 */
            message: string;
        };
        OperationDto: {
            /**
             * @description 操作 id（GET /api/operations/{id} 查询进度）
             * @example recompute-deadlines-0f1c…
             */
            id: string;
            /**
             * @description recompute-deadlines 节假日修订后重新计算期限；merge-items 并案；split-item 拆分
             * @enum {string}
             */
            kind: "recompute-deadlines" | "merge-items" | "split-item";
            /**
             * @description failed：并案/拆分的某一步被拒绝，已完成的步骤已撤销（见 error）
             * @enum {string}
             */
            status: "running" | "completed" | "failed";
            /**
             * @description 要处理的件数（重新计算）或步骤数（并案/拆分）
             * @example 30
             */
            total: number;
            /**
             * @description 已处理
             * @example 12
             */
            done: number;
            /**
             * @description 有变化的件数（期限有移动 / 步骤记录了事件）
             * @example 9
             */
            changed: number;
            /**
             * @description 失败的件数
             * @example 0
             */
            failed: number;
            failures: components["schemas"]["OperationFailureDto"][];
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description 并案/拆分未能完成的原因 */
            error: components["schemas"]["OperationFailureDto"] | null;
        };
        OperationAcceptedDto: {
            /** @description 操作 id */
            operationId: string;
            /** @description 接受时的进度 */
            operation: components["schemas"]["OperationDto"];
            /** @example 操作已开始，正在后台处理；可通过 GET /api/operations/{id} 查看进度 */
            message: string;
        };
        SplitProposalDto: {
            /**
             * Format: uuid
             * @description 要从主件拆分出来的建议提案 id
             */
            itemId: string;
        };
        ImportRowErrorDto: {
            /**
             * @description 表格行号（表头为第 1 行）
             * @example 7
             */
            row: number;
            /**
             * @description 列（表头原文）
             * @example 类别
             */
            column: string;
            /**
             * @description 登记字段，如 kind、proposers.1.phone
             * @example kind
             */
            field: string;
            /** @example 类别“请愿”无效，须为 人大代表建议 / 政协委员提案 / 政协建议案 */
            message: string;
        };
        BulkItemErrorDto: {
            /**
             * @description items 中的下标（从 0 起）
             * @example 3
             */
            index: number;
            /** Format: uuid */
            proposalId?: string;
            /** @example leadUnitIds.0 */
            field: string;
            /** @example 未知单位 xyz */
            message: string;
        };
        ImportedItemDto: {
            /**
             * @description 表格行号（表头为第 1 行）
             * @example 2
             */
            row: number;
            /** Format: uuid */
            id: string;
            /** @example 2026-建议-0001 */
            number: string;
            /** @description 请求带 assignment 且该行在其中时：是否已交办 */
            assigned?: boolean;
        };
        ImportResultDto: {
            /**
             * @description 登记的件数（= 数据行数）
             * @example 500
             */
            imported: number;
            /** @description 按行号排序 */
            items: components["schemas"]["ImportedItemDto"][];
            /**
             * @description 未识别而忽略的列
             * @example [
             *       "序号"
             *     ]
             */
            ignoredColumns: string[];
            /**
             * @description 请求带 assignment 时：同时交办的件数
             * @example 500
             */
            assigned?: number;
        };
        ImportProgressDto: {
            /**
             * @description pending 尚未开始（文件仍在上传，或没有这个标识）/ validating 校验中 / registering 登记中 / done 完成 / failed 未完成（错误见导入请求的答复）
             * @enum {string}
             */
            phase: "pending" | "validating" | "registering" | "done" | "failed";
            /**
             * @description 待登记的行数（校验通过后才知道；此前为 0）
             * @example 500
             */
            total: number;
            /**
             * @description 已处理的行数（登记成功或失败）
             * @example 120
             */
            done: number;
            /**
             * @description 登记失败的行数
             * @example 0
             */
            failed: number;
        };
        BulkAssignmentItemDto: {
            /**
             * @description single 单一办理 / lead 主办+会办 / separate 分别办理
             * @enum {string}
             */
            mode: "single" | "lead" | "separate";
            /**
             * @description 主办（单一 / 分别办理时为全部）单位代码
             * @example [
             *       "cjj"
             *     ]
             */
            leadUnitIds: string[];
            /**
             * @description 会办单位代码（仅 lead 模式）
             * @example [
             *       "zfbzj"
             *     ]
             */
            coUnitIds?: string[];
            /**
             * @description 分管市领导
             * @example vice-mayor-1
             */
            leaderInCharge?: string;
            /**
             * @description 办公厅责任处室
             * @example 二处
             */
            division?: string;
            /**
             * @description 各单位责任人：单位代码 → 姓名
             * @example {
             *       "cjj": "某某（办公室主任）"
             *     }
             */
            responsiblePersons?: Record<string, never>;
            /**
             * Format: uuid
             * @description 建议提案 id
             */
            proposalId: string;
            /**
             * @description 改派（分别办理）：该件有退转待改派的部分时，leadUnitIds 为接手的单位，与此处的已退转单位一一对应；不填则按退转先后对应全部待改派的部分。mode 须为 separate。
             * @example [
             *       "cjj"
             *     ]
             */
            fromUnitIds?: string[];
        };
        BulkAssignmentDto: {
            /**
             * @description 接办之日 YYYY-MM-DD（交办会日期），适用于全部条目
             * @example 2026-03-01
             */
            assignedOn: string;
            items: components["schemas"]["BulkAssignmentItemDto"][];
        };
        BulkAssignmentResultDto: {
            /** Format: uuid */
            proposalId: string;
            /**
             * @description 200 已交办；409 等：该件被拒绝（其余条目不受影响）
             * @example 200
             */
            status: number;
            /** @example 2026-建议-0001 */
            number?: string;
            /** @example ALREADY_ASSIGNED */
            code?: string;
            /** @example 该件已交办；只有全部主办单位退转后才能重新交办 */
            message?: string;
        };
        BulkAssignmentResponseDto: {
            /**
             * @description 成功交办的件数
             * @example 498
             */
            assigned: number;
            /** @description 与请求 items 顺序一致 */
            results: components["schemas"]["BulkAssignmentResultDto"][];
        };
        ProgressReportDaysDto: {
            /**
             * @description 会办单位向主办单位报送进展的日期（每月几日；小月取月末）
             * @example 22
             */
            co: number;
            /**
             * @description 主办、单独或分别办理的单位向建议提案处报送进展的日期（每月几日）
             * @example 25
             */
            lead: number;
        };
        EvaluationWeightsDto: {
            /**
             * @description 按时答复率
             * @example 30
             */
            on_time: number;
            /**
             * @description 见面沟通率
             * @example 20
             */
            face_to_face: number;
            /**
             * @description 重点建议提案及建议案满意率
             * @example 15
             */
            key_satisfaction: number;
            /**
             * @description 满意率
             * @example 25
             */
            satisfaction: number;
            /**
             * @description 解决率（A类）
             * @example 10
             */
            solved: number;
        };
        PolicyLabelsDto: {
            /** @example 15日 */
            returnWindow: string;
            /** @example 3个月 */
            replyPeriod: string;
            /** @example 1个月 */
            urgentReplyPeriod: string;
            /** @example 30日 */
            feedbackPeriod: string;
            /** @example 1个月 */
            rehandlingPeriod: string;
            /**
             * @example [
             *       "30日",
             *       "7日"
             *     ]
             */
            replyReminders: string[];
            /**
             * @example [
             *       "3日"
             *     ]
             */
            returnWindowReminders: string[];
            /** @example 7日 */
            overdueReminderEvery: string;
            /** @example 30日 */
            coUnitOpinionLeadTime: string;
            /**
             * @example [
             *       "7日",
             *       "3日"
             *     ]
             */
            leaderReminders: string[];
            /** @example 7日 */
            supervisionReminderEvery: string;
            /** @example 3个月 */
            promiseFollowUpEvery: string;
            /** @example 15日 */
            promiseReportWithin: string;
            /** @example 1个月 */
            unitSummaryPeriod: string;
            /** @example 7日 */
            unitSummaryReminderBefore: string;
        };
        PolicyDto: {
            /**
             * @description 政策版本号；内置默认值为版本 1
             * @example 2
             */
            version: number;
            /**
             * @description 退转期限
             * @example P15D
             */
            returnWindow: string;
            /**
             * @description 答复期限
             * @example P3M
             */
            replyPeriod: string;
            /**
             * @description 紧急件答复期限
             * @example P1M
             */
            urgentReplyPeriod: string;
            /**
             * @description 征求意见表反馈期限
             * @example P30D
             */
            feedbackPeriod: string;
            /**
             * @description 重新办理答复期限（自代表委员退回之日起）
             * @example P1M
             */
            rehandlingPeriod: string;
            /**
             * @description 答复期限届满前催办
             * @example [
             *       "P30D",
             *       "P7D"
             *     ]
             */
            replyReminders: string[];
            /**
             * @description 退转期限届满前提醒
             * @example [
             *       "P3D"
             *     ]
             */
            returnWindowReminders: string[];
            /**
             * @description 超期后每隔多久催办
             * @example P7D
             */
            overdueReminderEvery: string;
            /**
             * @description 会办意见期限（主办单位答复期限前）
             * @example P30D
             */
            coUnitOpinionLeadTime: string;
            /** @description 督办台账每月报送日 */
            progressReportDays: components["schemas"]["ProgressReportDaysDto"];
            /**
             * @description 答复期限届满前提醒分管领导
             * @example [
             *       "P7D",
             *       "P3D"
             *     ]
             */
            leaderReminders: string[];
            /**
             * @description 超期未说明时通报联络机构和建议提案处的间隔
             * @example P7D
             */
            supervisionReminderEvery: string;
            /**
             * @description B类答复承诺事项请报周期
             * @example P3M
             */
            promiseFollowUpEvery: string;
            /**
             * @description 承诺事项每次报送期限
             * @example P15D
             */
            promiseReportWithin: string;
            /**
             * @description 年度办理工作总结报送期限（最后一件办结后）
             * @example P1M
             */
            unitSummaryPeriod: string;
            /**
             * @description 年度办理工作总结到期前提醒
             * @example P7D
             */
            unitSummaryReminderBefore: string;
            /** @description 年终考核各指标权重（相对权重，考核时按总和归一；默认 30/20/15/25/10） */
            evaluationWeights: components["schemas"]["EvaluationWeightsDto"];
            /**
             * Format: date-time
             * @description 发布时间；内置默认值为 null
             */
            createdAt: string | null;
            /**
             * @description 发布人账号；内置默认值为 null
             * @example admin
             */
            createdBy: string | null;
            /** @description 各期间的中文写法 */
            labels: components["schemas"]["PolicyLabelsDto"];
        };
        UpdatePolicyDto: {
            /**
             * @description 退转期限（第七条，自接办之日次日起算）。ISO 8601 风格期间：P15D＝15日，P3M＝3个月，P10WD＝10个工作日，PT30S＝30秒（仅非生产环境，供测试）
             * @example P15D
             */
            returnWindow?: string;
            /**
             * @description 答复期限（自交办之日起）。ISO 8601 风格期间：P15D＝15日，P3M＝3个月，P10WD＝10个工作日，PT30S＝30秒（仅非生产环境，供测试）
             * @example P3M
             */
            replyPeriod?: string;
            /**
             * @description 紧急件答复期限。ISO 8601 风格期间：P15D＝15日，P3M＝3个月，P10WD＝10个工作日，PT30S＝30秒（仅非生产环境，供测试）
             * @example P1M
             */
            urgentReplyPeriod?: string;
            /**
             * @description 征求意见表反馈期限（第十一条，自函复之日起算），届满未反馈记为“逾期未反馈”。ISO 8601 风格期间：P15D＝15日，P3M＝3个月，P10WD＝10个工作日，PT30S＝30秒（仅非生产环境，供测试）
             * @example P30D
             */
            feedbackPeriod?: string;
            /**
             * @description 重新办理答复期限：代表委员退回后，承办单位重新答复的期限（自退回之日起算，第十条、第十九条）。ISO 8601 风格期间：P15D＝15日，P3M＝3个月，P10WD＝10个工作日，PT30S＝30秒（仅非生产环境，供测试）
             * @example P1M
             */
            rehandlingPeriod?: string;
            /**
             * @description 催办：答复期限届满前多久提醒承办单位（可多次，最多 5 次；空数组表示不提醒）。只能以日（P7D）或秒（PT30S，仅非生产环境）计。
             * @example [
             *       "P30D",
             *       "P7D"
             *     ]
             */
            replyReminders?: string[];
            /**
             * @description 催办：退转期限届满前多久提醒（最多 5 次；空数组表示不提醒）。只能以日或秒计。
             * @example [
             *       "P3D"
             *     ]
             */
            returnWindowReminders?: string[];
            /**
             * @description 超期未答复时每隔多久催办一次（第十九条）。只能以日（P7D）或秒（仅非生产环境）计，须大于零。
             * @example P7D
             */
            overdueReminderEvery?: string;
            /**
             * @description 会办意见期限：主办单位答复期限届满前多久（SPEC §4.2）；不少于主办单位期限的一半。ISO 8601 风格期间：P15D＝15日，P3M＝3个月，P10WD＝10个工作日，PT30S＝30秒（仅非生产环境，供测试）
             * @example P30D
             */
            coUnitOpinionLeadTime?: string;
            /** @description 督办台账：每月报送办理进展的日期（SPEC §4.3），两项须一并提交 */
            progressReportDays?: components["schemas"]["ProgressReportDaysDto"];
            /**
             * @description 催办升级：答复期限届满前多久同时提醒承办单位分管领导（最多 5 次；空数组表示不提醒）。只能以日或秒计。
             * @example [
             *       "P7D",
             *       "P3D"
             *     ]
             */
            leaderReminders?: string[];
            /**
             * @description 催办升级：超期且未说明延期时，立即并每隔多久通报人大选任联工委/政协提案委和建议提案处。只能以日或秒计，须大于零。
             * @example P7D
             */
            supervisionReminderEvery?: string;
            /**
             * @description 承诺事项跟踪：B类答复发出后每隔多久请答复单位报告进展，直至办结。须大于零。ISO 8601 风格期间：P15D＝15日，P3M＝3个月，P10WD＝10个工作日，PT30S＝30秒（仅非生产环境，供测试）
             * @example P3M
             */
            promiseFollowUpEvery?: string;
            /**
             * @description 承诺事项跟踪：每次请报后多久内报送。只能以日或秒计，须大于零。
             * @example P15D
             */
            promiseReportWithin?: string;
            /**
             * @description 总结工作（第十二条）：当年承办 2 件以上的单位，最后一件办结后多久内报送办理工作总结。ISO 8601 风格期间：P15D＝15日，P3M＝3个月，P10WD＝10个工作日，PT30S＝30秒（仅非生产环境，供测试）
             * @example P1M
             */
            unitSummaryPeriod?: string;
            /**
             * @description 总结工作：报送期限届满前多久提醒。ISO 8601 风格期间：P15D＝15日，P3M＝3个月，P10WD＝10个工作日，PT30S＝30秒（仅非生产环境，供测试）
             * @example P7D
             */
            unitSummaryReminderBefore?: string;
            /** @description 年终考核（第二十一条）各指标权重：五项均须提交，均为不小于 0 的数且不全为 0；为相对权重，按原值保存，考核时除以其总和（归一），故 30/20/15/25/10 与 0.3/0.2/0.15/0.25/0.1 结果相同 */
            evaluationWeights?: components["schemas"]["EvaluationWeightsDto"];
        };
        CalendarYearSummaryDto: {
            /** @example 2027 */
            year: number;
            /** @description 是否已录入；未录入的年份计算期限时按普通周末暂算并标注 */
            covered: boolean;
            /** @enum {string} */
            status: "covered" | "missing";
            /** @example lunar-javascript */
            source: string | null;
            /** Format: date-time */
            updatedAt: string | null;
            /** @description 节假日与调休上班日条数 */
            dayCount: number;
            /** @example 2027年节假日安排尚未录入 */
            message?: string;
        };
        CalendarOverviewDto: {
            /** @description 已录入的年份，以及 2024 至明年中尚未录入的年份，按年份排序 */
            years: components["schemas"]["CalendarYearSummaryDto"][];
            /**
             * @description 2024 至明年中尚未录入的年份
             * @example [
             *       2027
             *     ]
             */
            missingYears: number[];
        };
        CalendarDayViewDto: {
            /** @example 2027-01-01 */
            date: string;
            /** @enum {string} */
            kind: "holiday" | "workday";
            /** @example 元旦 */
            name: string;
        };
        CalendarYearDto: {
            /** @example 2027 */
            year: number;
            covered: boolean;
            source: string | null;
            /** Format: date-time */
            updatedAt: string | null;
            days: components["schemas"]["CalendarDayViewDto"][];
        };
        CalendarDayDto: {
            /**
             * @description 日期 YYYY-MM-DD，须在所提交的年份内
             * @example 2027-01-01
             */
            date: string;
            /**
             * @description holiday 法定节假日 / 休息日（通常在工作日）；workday 调休上班日（须在周六或周日）
             * @enum {string}
             */
            kind: "holiday" | "workday";
            /**
             * @description 节日名称，如 春节、国庆节调休上班
             * @example 元旦
             */
            name: string;
        };
        PutCalendarYearDto: {
            /** @description 该年全部与星期几不符的日子：法定节假日（holiday）和调休上班的周末（workday）。整体替换该年原有数据。 */
            days: components["schemas"]["CalendarDayDto"][];
            /**
             * @description 数据来源（如国务院办公厅通知文号）；缺省为 admin:<账号>
             * @example 国办发明电〔2026〕X号
             */
            source?: string;
        };
        CalendarWarningDto: {
            /** @example days.3.date */
            field: string;
            message: string;
        };
        RecomputeFailureDto: {
            /**
             * Format: uuid
             * @description 件的 id
             */
            id: string;
            /** @example 2026-建议-0042 */
            number: string;
            /**
             * @description 错误代码（同错误响应的 code）
             * @example COMMAND_TIMEOUT
             */
            code: string;
            /** @example 操作仍在处理中，暂未得到结果 */
            message: string;
        };
        RecomputeReportDto: {
            /**
             * @description 期限涉及该年的在办件数（均已发送 RecomputeDeadlines）
             * @example 12
             */
            items: number;
            /**
             * @description 其中期限有变化（记录了 DeadlinesRecomputed 事件）的件数
             * @example 3
             */
            changed: number;
            /** @description 未能重新计算的件；可再次保存该年以重试（无变化的件不会重复记录） */
            failed: components["schemas"]["RecomputeFailureDto"][];
        };
        CalendarYearSavedDto: {
            /** @example 2027 */
            year: number;
            covered: boolean;
            source: string | null;
            /** Format: date-time */
            updatedAt: string | null;
            days: components["schemas"]["CalendarDayViewDto"][];
            /** @description 已接受但值得核对的条目（如落在周末的节假日） */
            warnings: components["schemas"]["CalendarWarningDto"][];
            /**
             * @description 重新计算在办件期限的后台操作 id（GET /api/operations/{id}）
             * @example recompute-deadlines-6f1c1d52-8a4e-4f43-9a43-2b7b9b1f0c11
             */
            operationId: string;
            /** @description 在办件按修改后的日历重新计算期限的结果（SPEC §5）：已届满的期限不变，其余尚未届满的期限随新日历移动。重新计算在后台进行；若在响应前完成（状态 200）给出结果，否则为 null（状态 202），进度见 operationId */
            recomputeRunningItems: components["schemas"]["RecomputeReportDto"] | null;
            /** @example 已保存 2027 年节假日安排，此后交办的件按新日历计算。期限涉及该年的在办件 12 件已按新日历重新计算，其中 3 件期限有变化。 */
            message: string;
        };
        AdminUserDto: {
            /** Format: uuid */
            id: string;
            /** @example rsj-handler */
            username: string;
            /** @example 白若溪 */
            displayName: string;
            /** @enum {string} */
            role: "office" | "office_reviewer" | "unit_handler" | "unit_leader" | "vice_mayor" | "npc_liaison" | "cppcc_liaison" | "proposer" | "admin";
            unitId: string | null;
            /** @enum {string|null} */
            chamber: "npc" | "cppcc" | null;
            /** @description 已停用 */
            disabled: boolean;
            /** @description 锁定至（连续登录失败后），null 为未锁定 */
            lockedUntil: string | null;
            createdAt: string;
        };
        CreateUserDto: {
            /**
             * @description 用户名：小写字母、数字、. _ -，2–50 位
             * @example rsj-handler-2
             */
            username: string;
            /** @example 王晓东 */
            displayName: string;
            /** @enum {string} */
            role: "office" | "office_reviewer" | "unit_handler" | "unit_leader" | "vice_mayor" | "npc_liaison" | "cppcc_liaison" | "proposer" | "admin";
            /**
             * @description 承办单位角色（unit_handler / unit_leader）必填，其他角色不填
             * @example rsj
             */
            unitId?: string | null;
            /**
             * @description 代表 / 委员及联络机构所属：npc 人大 / cppcc 政协
             * @enum {string|null}
             */
            chamber?: "npc" | "cppcc" | null;
            /**
             * @description 初始密码：至少 10 位，须含字母和数字，不能包含用户名
             * @example Chengban2026x
             */
            password: string;
        };
        AccountEventDto: {
            version: number;
            /** @example UserRoleChanged */
            type: string;
            at: string;
            /** @description 操作人（null 为系统，如登录失败锁定） */
            by: string | null;
            /** @description 事件内容（不含密码或其散列） */
            data: Record<string, never>;
        };
        AdminUserDetailDto: {
            /** Format: uuid */
            id: string;
            /** @example rsj-handler */
            username: string;
            /** @example 白若溪 */
            displayName: string;
            /** @enum {string} */
            role: "office" | "office_reviewer" | "unit_handler" | "unit_leader" | "vice_mayor" | "npc_liaison" | "cppcc_liaison" | "proposer" | "admin";
            unitId: string | null;
            /** @enum {string|null} */
            chamber: "npc" | "cppcc" | null;
            /** @description 已停用 */
            disabled: boolean;
            /** @description 锁定至（连续登录失败后），null 为未锁定 */
            lockedUntil: string | null;
            createdAt: string;
            /** @description 账号变更记录（旧的在前） */
            history: components["schemas"]["AccountEventDto"][];
        };
        DisableUserDto: {
            /** @example 调离本岗位 */
            reason?: string;
        };
        ResetPasswordDto: {
            /**
             * @description 新密码：至少 10 位，须含字母和数字，不能包含用户名
             * @example Chongzhi2026x
             */
            password: string;
        };
        ChangeRoleDto: {
            /** @enum {string} */
            role: "office" | "office_reviewer" | "unit_handler" | "unit_leader" | "vice_mayor" | "npc_liaison" | "cppcc_liaison" | "proposer" | "admin";
            /**
             * @description 承办单位角色必填，其他角色不填
             * @example jyj
             */
            unitId?: string | null;
        };
        InboxItemDto: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description 相关的建议提案
             */
            proposalId: string | null;
            /**
             * Format: uuid
             * @description 引起此消息的事件
             */
            eventId: string;
            /** @description 答复送达通知（reply_sent）所涉的答复 id */
            replyId: string | null;
            /**
             * @description assigned 交办 / return_requested 退转申请 / return_approved 退转同意 / return_rejected 退转未同意 / return_window_closed 退转期限届满 / reply_overdue 答复超期 / reply_delayed 已说明延期 / reminder 催办 / reply_sent 答复已送达（代表委员） / co_opinion_received 会办意见送达 / co_opinion_overdue 会办意见逾期 / progress_report_missed 办理进度未报送 / merged 并案办理 / deadline_changed 期限调整 / document_to_compile 待整理正式文件 / document_to_review 正式文件待审查 / document_to_sign 正式文件待签发 / document_returned 正式文件被退回 / document_signed 正式文件已签发 / document_sent 正式文件答复 / major_approval_requested 重大事项待阅批（分管副市长） / major_item_approved 已阅批可交办（办公厅） / reading_requested 满意件待阅示（分管副市长） / reminder_escalated 催办升级（分管领导、联络机构和建议提案处） / promise_follow_up 请报告B类答复承诺事项进展 / unit_summary_owed 应报送年度办理工作总结 / unit_summary_reminder 办理工作总结到期提醒 / unit_summary_overdue 办理工作总结逾期
             * @example assigned
             */
            kind: string;
            /** @example 新交办：《关于加强职业技能培训的建议》，答复期限 2026-06-02 */
            title: string;
            body: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description 已读时间；未读为 null
             */
            readAt: string | null;
            /** @description 仅提出人本人可见：该答复征求意见表的令牌（GET/POST /api/feedback/{token}） */
            feedbackToken?: string;
        };
        InboxPageDto: {
            items: components["schemas"]["InboxItemDto"][];
            /** @description 符合筛选条件的条数 */
            total: number;
            page: number;
            pageSize: number;
            /** @description 本人未读消息总数（不受筛选影响） */
            unreadCount: number;
        };
        MarkAllReadDto: {
            /** @description 本次标为已读的条数 */
            marked: number;
        };
        PositionDto: {
            /** @example 1234 */
            transactionId: string;
            /** @example 56 */
            sequence: string;
        };
        ParkedEventDto: {
            /** @example proposal_list */
            projection: string;
            position: components["schemas"]["PositionDto"];
            /** Format: uuid */
            eventId: string;
            /** @example proposal-6f1c1d52-8a4e-4f43-9a43-2b7b9b1f0c11 */
            streamId: string;
            /** @example ReplySent */
            type: string;
            /** @example TypeError: Cannot read properties of undefined (reading 'units') */
            error: string;
            /** Format: date-time */
            parkedAt: string;
        };
        ProjectionStatusDto: {
            /** @example proposal_list */
            name: string;
            /** @description 已处理到的位置 */
            checkpoint: components["schemas"]["PositionDto"];
            /**
             * @description 事件库中尚未处理的事件数
             * @example 0
             */
            lag: number;
            /**
             * @description 被搁置（无法处理）的事件数，自上次重建以来
             * @example 0
             */
            parked: number;
            /** Format: date-time */
            updatedAt: string | null;
            /** @description 最早的被搁置事件（至多 20 条） */
            parkedEvents: components["schemas"]["ParkedEventDto"][];
        };
        ProjectionsDto: {
            projections: components["schemas"]["ProjectionStatusDto"][];
        };
        PreviewDeadlineDto: {
            /** @example 2026-03-16 */
            lastDay: string | null;
            /** Format: date-time */
            dueAt: string;
            /** @description 期限计算说明（节假日、调休） */
            explanation: string;
            /** @description 涉及尚未录入节假日安排的年份，暂按普通周计算 */
            provisional: boolean;
        };
        DeadlinePreviewDto: {
            /** @example 2026-03-01 */
            assignedOn: string;
            urgent: boolean;
            /** @description 计算所用政策版本 */
            policyVersion: number;
            /** @description 退转期限 */
            returnWindow: components["schemas"]["PreviewDeadlineDto"];
            /** @description 答复期限 */
            replyDue: components["schemas"]["PreviewDeadlineDto"];
            /** @description 会办单位的会办意见期限（主办单位答复期限前，政策可调） */
            opinionDue: components["schemas"]["PreviewDeadlineDto"];
        };
        SubmitUnitSummaryDto: {
            /**
             * @description 年度办理工作复查和总结（书面报告）
             * @example 本单位 2026 年共承办建议提案 12 件，均已按期办结……
             */
            text: string;
        };
        UnitSummaryDto: {
            /** @example rsj */
            unitId: string;
            /** @example 2026 */
            year: number;
            /**
             * @description owed 应报送 / submitted 已报送
             * @enum {string}
             */
            status: "not_owed" | "owed" | "submitted";
            /** @description 该年度承办件数 */
            items?: number | null;
            /**
             * Format: date-time
             * @description 最后一件办结时间
             */
            lastDoneAt?: string | null;
            /**
             * Format: date-time
             * @description 报送期限
             */
            dueAt?: string | null;
            /** Format: date-time */
            remindedAt?: string | null;
            /**
             * Format: date-time
             * @description 逾期未报送的记录时间
             */
            overdueAt?: string | null;
            /** @description 应报送且已过期限 */
            overdue: boolean;
            /** Format: date-time */
            submittedAt?: string | null;
            text?: string | null;
            /** @description 逾期后报送 */
            late?: boolean | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description INVALID_CREDENTIALS 用户名或密码错误 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ACCOUNT_DISABLED 账号已停用（仅在密码正确时告知） */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ACCOUNT_LOCKED 连续失败 10 次后锁定 30 分钟（管理员可解锁）；带 Retry-After */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description TOO_MANY_REQUESTS 同一账号或同一地址失败过多；带 Retry-After（秒） */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LOGIN_BUSY 同时登录的请求过多；带 Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
        };
    };
    UnitsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDto"][];
                };
            };
        };
    };
    ContactsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitContactsDto"];
                };
            };
            /** @description FORBIDDEN_ROLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNIT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ContactsController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutContactsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitContactsDto"];
                };
            };
            /** @description FORBIDDEN_ROLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNIT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    LeadersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeaderDto"][];
                };
            };
        };
    };
    ReportsController_ledger: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description 届次年份 */
                year?: number;
                kind?: "npc_suggestion" | "cppcc_proposal" | "cppcc_recommendation";
                level?: "municipal" | "provincial" | "national";
                /** @description registered 待交办 / assigned 已交办 / awaiting_reassignment 待重新交办 … */
                status?: string;
                /** @description 曾交办给该单位的件 */
                unitId?: string;
                /** @description 超期（第十九条）：主办、单独或分别办理单位已过答复期限，既未答复也未提交延期说明 */
                overdue?: boolean;
                /** @description 重点建议 / 提案 */
                key?: boolean;
                /** @description 按标题或编号模糊查询 */
                q?: string;
                /** @description 重大建议 / 提案（第六条，须阅批） */
                major?: boolean;
                /** @description 急需办理 */
                urgent?: boolean;
                /** @description 按主题（所属领域）模糊查询 */
                topic?: string;
                /** @description 按提出人（领衔人或联名人）姓名模糊查询 */
                proposer?: string;
                /** @description 建议提案处的待办队列：return-decision 待决定退转申请 / reassignment 退转后待重新交办（含分别办理待改派的部分）/ major-approval 重大件待提请或待阅批（未交办）/ quality-check 答复待质量审查（第十八条）/ government-document 省级、全国件待整理或待发出正式文件 / merged 已并入主件的件（可拆分）；分管副市长本人的待办（只对本人，他人的看不到）：vice-mayor-major 提请本人阅批的重大件 / vice-mayor-review 待本人审查的多单位答复 / vice-mayor-signing 待本人审核签发的正式文件 / vice-mayor-reading 本人分管、政府组成部门答复满意待阅示 / vice-mayor 以上全部 */
                awaiting?: "return-decision" | "reassignment" | "major-approval" | "quality-check" | "government-document" | "merged" | "vice-mayor" | "vice-mayor-major" | "vice-mayor-review" | "vice-mayor-signing" | "vice-mayor-reading";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED / EXPORT_TOO_LARGE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_ITEM / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReportsController_letter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 建议提案 id */
                id: string;
                replyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description VALIDATION_FAILED / EXPORT_TOO_LARGE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_ITEM / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROPOSAL_NOT_FOUND / REPLY_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReportsController_feedbackForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 建议提案 id */
                id: string;
                replyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description VALIDATION_FAILED / EXPORT_TOO_LARGE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_ITEM / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROPOSAL_NOT_FOUND / REPLY_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReportsController_governmentDocument: {
        parameters: {
            query?: {
                /** @description 第几稿（被退回后重新整理的每一稿均保留）；缺省为最新一稿 */
                round?: number;
            };
            header?: never;
            path: {
                /** @description 建议提案 id */
                id: string;
                replyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description VALIDATION_FAILED / EXPORT_TOO_LARGE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_ITEM / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROPOSAL_NOT_FOUND / REPLY_NOT_FOUND / DOCUMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RepliesController_compileDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                replyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompileGovernmentDocumentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description NOT_PROVINCIAL / NOT_AWAITING_DOCUMENT / ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReportsController_annual: {
        parameters: {
            query: {
                year: number;
                /** @description npc：向市人大常委会的书面报告；cppcc：向市政协的书面通报 */
                chamber: "npc" | "cppcc";
                /** @description json 数据；docx 报告代拟稿（GB/T 9704 版式） */
                format?: "json" | "docx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED / EXPORT_TOO_LARGE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_ITEM / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReportsController_kpis: {
        parameters: {
            query: {
                /** @description 届次年份 */
                year: number;
                /** @description npc 人大代表建议；cppcc 政协提案及建议案 */
                chamber?: "npc" | "cppcc";
                /** @description 承办单位代码 */
                unitId?: string;
                /** @description 截至该日 24:00（北京时间）或该时刻已记录的事件计算的数字；缺省为当前 */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED / EXPORT_TOO_LARGE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_ITEM / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReportsController_quarterly: {
        parameters: {
            query: {
                year: number;
                quarter: number;
                /** @description json 数据；docx 可打印的通报（Word/WPS） */
                format?: "json" | "docx";
                chamber?: "npc" | "cppcc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED / EXPORT_TOO_LARGE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_ITEM / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReportsController_evaluation: {
        parameters: {
            query: {
                year: number;
                format?: "json" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED / EXPORT_TOO_LARGE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_ITEM / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description 届次年份 */
                year?: number;
                kind?: "npc_suggestion" | "cppcc_proposal" | "cppcc_recommendation";
                level?: "municipal" | "provincial" | "national";
                /** @description registered 待交办 / assigned 已交办 / awaiting_reassignment 待重新交办 … */
                status?: string;
                /** @description 曾交办给该单位的件 */
                unitId?: string;
                /** @description 超期（第十九条）：主办、单独或分别办理单位已过答复期限，既未答复也未提交延期说明 */
                overdue?: boolean;
                /** @description 重点建议 / 提案 */
                key?: boolean;
                /** @description 按标题或编号模糊查询 */
                q?: string;
                /** @description 重大建议 / 提案（第六条，须阅批） */
                major?: boolean;
                /** @description 急需办理 */
                urgent?: boolean;
                /** @description 按主题（所属领域）模糊查询 */
                topic?: string;
                /** @description 按提出人（领衔人或联名人）姓名模糊查询 */
                proposer?: string;
                /** @description 建议提案处的待办队列：return-decision 待决定退转申请 / reassignment 退转后待重新交办（含分别办理待改派的部分）/ major-approval 重大件待提请或待阅批（未交办）/ quality-check 答复待质量审查（第十八条）/ government-document 省级、全国件待整理或待发出正式文件 / merged 已并入主件的件（可拆分）；分管副市长本人的待办（只对本人，他人的看不到）：vice-mayor-major 提请本人阅批的重大件 / vice-mayor-review 待本人审查的多单位答复 / vice-mayor-signing 待本人审核签发的正式文件 / vice-mayor-reading 本人分管、政府组成部门答复满意待阅示 / vice-mayor 以上全部 */
                awaiting?: "return-decision" | "reassignment" | "major-approval" | "quality-check" | "government-document" | "merged" | "vice-mayor" | "vice-mayor-major" | "vice-mayor-review" | "vice-mayor-signing" | "vice-mayor-reading";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalListPageDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterProposalDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_figures: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description 届次年份 */
                year?: number;
                kind?: "npc_suggestion" | "cppcc_proposal" | "cppcc_recommendation";
                level?: "municipal" | "provincial" | "national";
                /** @description registered 待交办 / assigned 已交办 / awaiting_reassignment 待重新交办 … */
                status?: string;
                /** @description 曾交办给该单位的件 */
                unitId?: string;
                /** @description 超期（第十九条）：主办、单独或分别办理单位已过答复期限，既未答复也未提交延期说明 */
                overdue?: boolean;
                /** @description 重点建议 / 提案 */
                key?: boolean;
                /** @description 按标题或编号模糊查询 */
                q?: string;
                /** @description 重大建议 / 提案（第六条，须阅批） */
                major?: boolean;
                /** @description 急需办理 */
                urgent?: boolean;
                /** @description 按主题（所属领域）模糊查询 */
                topic?: string;
                /** @description 按提出人（领衔人或联名人）姓名模糊查询 */
                proposer?: string;
                /** @description 建议提案处的待办队列：return-decision 待决定退转申请 / reassignment 退转后待重新交办（含分别办理待改派的部分）/ major-approval 重大件待提请或待阅批（未交办）/ quality-check 答复待质量审查（第十八条）/ government-document 省级、全国件待整理或待发出正式文件 / merged 已并入主件的件（可拆分）；分管副市长本人的待办（只对本人，他人的看不到）：vice-mayor-major 提请本人阅批的重大件 / vice-mayor-review 待本人审查的多单位答复 / vice-mayor-signing 待本人审核签发的正式文件 / vice-mayor-reading 本人分管、政府组成部门答复满意待阅示 / vice-mayor 以上全部 */
                awaiting?: "return-decision" | "reassignment" | "major-approval" | "quality-check" | "government-document" | "merged" | "vice-mayor" | "vice-mayor-major" | "vice-mayor-review" | "vice-mayor-signing" | "vice-mayor-reading";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalFiguresDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 建议提案 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROPOSAL_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 建议提案 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalEventDto"][];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROPOSAL_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_assign: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignProposalDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROPOSAL_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ALREADY_ASSIGNED 等 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_receipt: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
                /** @description 单位代码 */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ALREADY_SIGNED / NOT_ASSIGNED_TO_UNIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_returnRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
                /** @description 单位代码 */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description RETURN_WINDOW_CLOSED / RETURN_ALREADY_REQUESTED / NOT_ASSIGNED_TO_UNIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_returnDecision: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
                /** @description 单位代码 */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnDecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NO_RETURN_REQUEST / ALREADY_DECIDED / NOT_ASSIGNED_TO_UNIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_reassignPart: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
                /** @description 单位代码 */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReassignPartDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROPOSAL_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NO_PART_AWAITING_REASSIGNMENT（该单位没有待改派的部分）/ UNIT_ALREADY_ON_ITEM（新单位已承办或已退转本件某一部分）/ ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_feedbackRecipient: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackRecipientDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LEAD_PROPOSER_HAS_ACCOUNT / ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_contact: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
                /** @description 单位代码 */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NOT_ASSIGNED_TO_UNIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalsController_explanation: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
                /** @description 单位代码 */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExplanationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description REPLY_DEADLINE_PASSED / NOT_ANSWERING_UNIT / NOT_ASSIGNED_TO_UNIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RepliesController_draft: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DraftReplyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description NOT_SIGNED / NOT_ANSWERING_UNIT / REPLY_IN_PROGRESS / ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RepliesController_review: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                replyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewReplyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description NOT_YOUR_UNIT / NOT_IN_CHARGE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description WRONG_REVIEW_STAGE / NOT_IN_REVIEW */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RepliesController_send: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                replyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendReplyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description REPLY_NOT_APPROVED / DOCUMENT_NOT_SIGNED / NOT_PROVINCIAL */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RepliesController_disclosure: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                replyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChooseDisclosureDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description REPLY_NOT_SENT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RepliesController_promiseProgress: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                replyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PromiseProgressDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description NOT_A_PROMISE / PROMISE_FULFILLED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    FeedbackController_form: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOO_MANY_REQUESTS（按来源地址限流，见 Retry-After） */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    FeedbackController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackDto"];
            };
        };
        responses: {
            /** @description FEEDBACK_NOT_OPEN / ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description TOO_MANY_REQUESTS（按来源地址限流，见 Retry-After） */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicController_replies: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description 届次年份 */
                year?: number;
                kind?: "npc_suggestion" | "cppcc_proposal" | "cppcc_recommendation";
                /** @description 答复单位 */
                unitId?: string;
                category?: "A" | "B" | "C" | "D";
                /** @description 主题 */
                topic?: string;
                /** @description 按标题、编号或公开文本模糊查询 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicRepliesPageDto"];
                };
            };
        };
    };
    PublicController_reply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                replyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReplyDto"];
                };
            };
            /** @description PUBLIC_REPLY_NOT_FOUND：不存在或未公开 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicController_units: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicUnitDto"][];
                };
            };
        };
    };
    LeadershipController_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitMajorItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description NOT_MAJOR_ITEM / ALREADY_ASSIGNED / ALREADY_DECIDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    LeadershipController_approve: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveMajorItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description NOT_IN_CHARGE：提请的是另一位副市长 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NOT_SUBMITTED_FOR_APPROVAL / ALREADY_DECIDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    LeadershipController_read: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                replyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReadReplyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description NOT_IN_CHARGE：非分管副市长 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NOT_SATISFIED / NOT_A_DEPARTMENT / ALREADY_READ */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    HandlingController_coOpinion: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
                /** @description 单位代码（只能是本单位） */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CoUnitOpinionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT（只能以本单位名义办理） / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NOT_CO_UNIT / NOT_SIGNED / NOT_ASSIGNED_TO_UNIT / ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    HandlingController_requestInstructions: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
                /** @description 单位代码（只能是本单位） */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstructionsRequestDto"];
            };
        };
        responses: {
            /** @description 详情，另含 requestId */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT（只能以本单位名义办理） / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NOT_ASSIGNED_TO_UNIT / ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    HandlingController_recordInstructions: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
                /** @description 单位代码（只能是本单位） */
                unitId: string;
                /** @description 请示编号（登记请示时返回） */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstructionsAnswerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT（只能以本单位名义办理） / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INSTRUCTIONS_REQUEST_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INSTRUCTIONS_ALREADY_ANSWERED / NOT_ASSIGNED_TO_UNIT / ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    HandlingController_progressReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 建议提案 id */
                id: string;
                /** @description 单位代码（只能是本单位） */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT（只能以本单位名义办理） / NOT_YOUR_ITEM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRESS_ALREADY_REPORTED / NOT_HANDLING / NOT_SIGNED / NOT_ASSIGNED_TO_UNIT / ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MergingController_merge: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 主件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeProposalsDto"];
            };
        };
        responses: {
            /** @description 主件详情（mergedItems 列出并案件） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description 未在等待时间内完成，正在后台继续（崩溃后从中断处继续）；进度见 GET /api/operations/{id} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationAcceptedDto"];
                };
            };
            /** @description VALIDATION_FAILED（itemIds / itemId） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROPOSAL_NOT_FOUND（details.itemId 指明哪一件） */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ALREADY_ASSIGNED / MERGED_INTO_OTHER / HAS_MERGED_ITEMS / MERGE_CHAMBER_MISMATCH / MERGE_NOT_MUNICIPAL / ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MergingController_split: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 主件 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SplitProposalDto"];
            };
        };
        responses: {
            /** @description 主件详情 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDetailDto"];
                };
            };
            /** @description 未在等待时间内完成，正在后台继续（崩溃后从中断处继续）；进度见 GET /api/operations/{id} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationAcceptedDto"];
                };
            };
            /** @description VALIDATION_FAILED（itemIds / itemId） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROPOSAL_NOT_FOUND（details.itemId 指明哪一件） */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NOT_MERGED / MERGED_ITEM_DONE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalImportController_import: {
        parameters: {
            query?: {
                /** @description 客户端为本次上传取的标识（8–64 位字母、数字、- 或 _）：上传进行中可用 GET /api/proposals/import/progress/{progressId} 查看进度 */
                progressId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description .xlsx（第一个工作表）或 UTF-8 编码的 .csv（可带 BOM）
                     */
                    file: string;
                    /** @description 可选，JSON 文本：登记的同时交办（交办会）{"assignedOn":"YYYY-MM-DD","items":[{"row":2,"mode":"single","leadUnitIds":["cjj"]}, …]}；row 为表格行号，其余字段与单件交办相同。未列出的行只登记。 */
                    assignment?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultDto"];
                };
            };
            /** @description IMPORT_INVALID（details.rows: ImportRowErrorDto[]，details.total）/ IMPORT_EMPTY / IMPORT_NO_FILE / IMPORT_BAD_UPLOAD / IMPORT_UNSUPPORTED_FILE / IMPORT_TOO_MANY_ROWS */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE（仅办公厅） */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description IMPORT_INCOMPLETE：部分行未能登记（details.imported / details.failed），请重传同一文件 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalImportController_importProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                progressId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportProgressDto"];
                };
            };
            /** @description FORBIDDEN_ROLE（仅办公厅） */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProposalImportController_assignments: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一批交办时携带相同的值：已交办的件答复首次结果，不会重复交办 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkAssignmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkAssignmentResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED（details.fields, details.items: BulkItemErrorDto[]） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE（仅办公厅） */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PolicyAdminController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PolicyAdminController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePolicyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDto"];
                };
            };
            /** @description VALIDATION_FAILED：details.fields 指明无效的字段 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PolicyAdminController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDto"][];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CalendarAdminController_overview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarOverviewDto"];
                };
            };
            /** @description VALIDATION_FAILED：details.fields 指明无效的字段（如 year、days.0.date） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CalendarAdminController_year: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 年份（四位数字） */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
            /** @description VALIDATION_FAILED：details.fields 指明无效的字段（如 year、days.0.date） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CalendarAdminController_replace: {
        parameters: {
            query?: never;
            header?: {
                /** @description 重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符） */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description 年份（四位数字） */
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCalendarYearDto"];
            };
        };
        responses: {
            /** @description 已保存，在办件的期限已重新计算完毕 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearSavedDto"];
                };
            };
            /** @description 已保存，在办件的期限正在后台重新计算（recomputeRunningItems 为 null） */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearSavedDto"];
                };
            };
            /** @description VALIDATION_FAILED：details.fields 指明无效的字段（如 year、days.0.date） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersAdminController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"][];
                };
            };
            /** @description VALIDATION_FAILED（密码不符合要求、未知单位等，details.fields 指明字段） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersAdminController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description VALIDATION_FAILED（密码不符合要求、未知单位等，details.fields 指明字段） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersAdminController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED（密码不符合要求、未知单位等，details.fields 指明字段） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersAdminController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisableUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description VALIDATION_FAILED（密码不符合要求、未知单位等，details.fields 指明字段） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CANNOT_CHANGE_OWN_ACCOUNT / CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersAdminController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description VALIDATION_FAILED（密码不符合要求、未知单位等，details.fields 指明字段） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersAdminController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description VALIDATION_FAILED（密码不符合要求、未知单位等，details.fields 指明字段） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersAdminController_changeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeRoleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description VALIDATION_FAILED（密码不符合要求、未知单位等，details.fields 指明字段） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CANNOT_CHANGE_OWN_ACCOUNT / CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersAdminController_unlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description VALIDATION_FAILED（密码不符合要求、未知单位等，details.fields 指明字段） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅系统管理员（admin）可用 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InboxController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description true：只看未读 */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPageDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InboxController_markAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkAllReadDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InboxController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 消息 id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxItemDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NOTIFICATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OperationsController_operation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationDto"];
                };
            };
            /** @description FORBIDDEN_ROLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description OPERATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description OPERATION_PROGRESS_UNAVAILABLE：工作进程暂不可用，稍后再试 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OperationsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionsDto"];
                };
            };
            /** @description FORBIDDEN_ROLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OperationsController_rebuild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 投影名：proposal_list、notifications */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionStatusDto"];
                };
            };
            /** @description FORBIDDEN_ROLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROJECTION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StatsController_kpis: {
        parameters: {
            query: {
                /** @description 届次年份 */
                year: number;
                /** @description npc 人大代表建议；cppcc 政协提案及建议案 */
                chamber?: "npc" | "cppcc";
                /** @description 承办单位代码 */
                unitId?: string;
                /** @description 截至该日 24:00（北京时间）或该时刻已记录的事件计算的数字；缺省为当前 */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StatsController_items: {
        parameters: {
            query: {
                page?: number;
                pageSize?: number;
                year: number;
                /** @description 指标 */
                kpi: "on_time" | "face_to_face" | "key_satisfaction" | "satisfaction" | "solved";
                /** @description numerator 分子 / denominator 分母 / pending 未决，或该指标的某一结果（如 late、no_feedback、A）；缺省为全部 */
                outcome?: "on_time" | "late" | "pending" | "face_to_face" | "other" | "satisfied" | "basically_satisfied" | "dissatisfied" | "no_feedback" | "A" | "B" | "C" | "D" | "numerator" | "denominator";
                chamber?: "npc" | "cppcc";
                unitId?: string;
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED（details.fields 指明字段） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicStatsController_figures: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeadlinePreviewController_preview: {
        parameters: {
            query: {
                /** @description 接办之日 YYYY-MM-DD */
                assignedOn: string;
                /** @description 急需办理（按缩短的答复期限计算） */
                urgent?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePreviewDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN_ROLE：仅建议提案处、系统管理员 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UnitSummariesController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitUnitSummaryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitSummaryDto"];
                };
            };
            /** @description NOT_YOUR_UNIT */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNIT_SUMMARY_NOT_OWED / UNIT_SUMMARY_SUBMITTED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UnitSummariesController_ofUnit: {
        parameters: {
            query?: {
                /** @description 年度（届次年份） */
                year?: number;
            };
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitSummaryDto"][];
                };
            };
        };
    };
    UnitSummariesController_all: {
        parameters: {
            query?: {
                /** @description 年度（届次年份） */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitSummaryDto"][];
                };
            };
        };
    };
}
