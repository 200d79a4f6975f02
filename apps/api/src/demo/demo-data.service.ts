import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { countUsers, DEMO_ACCOUNTS, DEMO_UNITS, demoContacts, findUserByUsername, loadDemoDirectory } from '@jyta/directory';
import type { AuthUser } from '../auth/auth-user';
import { ContactsService } from '../directory/contacts.service';
import { DirectoryDb } from '../directory/directory-db';
import { Infrastructure } from '../infrastructure/infrastructure';
import { ProposalCommands } from '../proposals/proposal-commands.service';
import type { RegisterProposalDto } from '../proposals/dto/register.dto';
import type { AssignProposalDto } from '../proposals/dto/assignment.dto';

/** Today in Asia/Shanghai, shifted by `days`. */
export function shanghaiDay(days = 0, now = Date.now()): string {
  return new Date(now + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

interface DemoItem {
  register: Omit<RegisterProposalDto, 'period' | 'level' | 'sessionYear'> & Partial<RegisterProposalDto>;
  assign?: AssignProposalDto;
  /** [unit code, action] done by that unit's handler after assignment */
  then?: ([string, 'receipt'] | [string, 'return-request', string])[];
}

/** The fictional name the demo directory gives an account. */
const nameOf = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)?.displayName ?? username;

/** A few items in various states, for a newcomer to click through (SPEC §11). People are fictional. */
export function demoItems(now = Date.now()): DemoItem[] {
  const today = shanghaiDay(0, now);
  return [
    {
      register: {
        kind: 'npc_suggestion',
        title: '关于推进老旧小区加装电梯的建议',
        content: '我市老旧小区多建于上世纪九十年代，老年住户上下楼困难。建议简化加装电梯审批流程，加大财政补贴力度，推动既有住宅加装电梯工作。',
        topic: '城乡建设',
        proposers: [{ name: nameOf('deputy-1'), delegation: '金水区代表团', phone: '13800000001', username: 'deputy-1' }],
        key: true,
      },
      assign: { mode: 'lead', leadUnitIds: ['cjj'], coUnitIds: ['zfbzj'], assignedOn: today, leaderInCharge: 'vice-mayor-1', division: '二处' },
      then: [['cjj', 'receipt']],
    },
    {
      register: {
        kind: 'cppcc_proposal',
        title: '关于加强中小学生心理健康教育的提案',
        content: '近年来中小学生心理健康问题日益突出。建议配齐专职心理健康教师，建立学校、家庭、医疗机构协同的心理危机干预机制。',
        topic: '教育',
        proposers: [{ name: nameOf('member-1'), delegation: '教育界', username: 'member-1' }],
      },
      assign: { mode: 'single', leadUnitIds: ['jyj'], assignedOn: today, leaderInCharge: 'vice-mayor-2', division: '三处' },
    },
    {
      register: {
        kind: 'npc_suggestion',
        title: '关于完善职业技能培训补贴政策的建议',
        content: '建议扩大职业技能培训补贴覆盖范围，简化补贴申领程序，将新就业形态劳动者纳入补贴对象。',
        topic: '就业',
        proposers: [
          { name: nameOf('deputy-2'), delegation: '二七区代表团', username: 'deputy-2' },
          { name: nameOf('deputy-3'), delegation: '二七区代表团', username: 'deputy-3' },
        ],
      },
      assign: { mode: 'single', leadUnitIds: ['rsj'], assignedOn: today, leaderInCharge: 'vice-mayor-1', division: '二处' },
      then: [
        ['rsj', 'receipt'],
        ['rsj', 'return-request', '该建议所涉新就业形态劳动者权益保障事项主要由市发展改革委牵头，建议改由其办理。'],
      ],
    },
    {
      register: {
        kind: 'cppcc_proposal',
        title: '关于优化中心城区公交线网的提案',
        content: '中心城区部分公交线路重复率高、换乘不便。建议开展公交线网评估，优化调整重复线路，加密社区微循环公交。',
        topic: '交通',
        proposers: [{ name: nameOf('member-2'), delegation: '九三学社', username: 'member-2' }],
        period: 'interim',
      },
    },
    {
      register: {
        kind: 'npc_suggestion',
        title: '关于提升社区卫生服务中心服务能力的建议',
        content: '建议加强社区卫生服务中心人才队伍建设，完善家庭医生签约服务，推动优质医疗资源下沉基层。',
        topic: '医疗卫生',
        proposers: [{ name: nameOf('deputy-4'), delegation: '中原区代表团', username: 'deputy-4' }],
      },
      // assigned 20 days ago: its return window has closed already (the timer records it at once)
      assign: { mode: 'single', leadUnitIds: ['wjw'], assignedOn: shanghaiDay(-20, now), leaderInCharge: 'vice-mayor-2', division: '三处' },
      then: [['wjw', 'receipt']],
    },
  ];
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Demo data outside production (SPEC §11): the directory on an empty users table (before the API
 * serves, so the accounts work as soon as /api/health is green), and — when DEMO_ITEMS is on and
 * no item exists yet — a few items, registered and handled through the same command path as the
 * HTTP API, in the background with retries (the worker may start after the API).
 */
@Injectable()
export class DemoDataService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DemoData');
  private stopping = false;
  private running?: Promise<void>;

  constructor(
    private readonly infra: Infrastructure,
    private readonly commands: ProposalCommands,
    private readonly db: DirectoryDb,
    private readonly contacts: ContactsService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.infra.config.production) return;
    await this.infra.init();
    if ((await countUsers(this.db.ds)) > 0) return;
    const { units, users } = await loadDemoDirectory(this.infra.pool, this.infra.config.demoPassword);
    // The contacts directory (Art. 14) goes in as events, like any later change to it.
    for (const unit of DEMO_UNITS) {
      await this.contacts.replace(unit.code, demoContacts(unit), { actor: null, correlationId: 'demo-directory' });
    }
    this.logger.log(`demo directory loaded: ${units} units, ${users} accounts (password from DEMO_PASSWORD)`);
  }

  onApplicationBootstrap(): void {
    const { config } = this.infra;
    if (config.production || !config.demoItems) return;
    this.running = this.loadItemsWithRetries().catch((err) => this.logger.error({ err }, 'demo items could not be loaded'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    // a command under way finishes on its own (and is idempotent); don't hold the shutdown for it
    await Promise.race([this.running, new Promise((r) => setTimeout(r, 2000).unref())]);
  }

  private async anyItemExists(): Promise<boolean> {
    const { rows } = await this.infra.pool.query(`SELECT 1 FROM events WHERE stream_id LIKE 'proposal-%' LIMIT 1`);
    return rows.length > 0;
  }

  private async loadItemsWithRetries(): Promise<void> {
    if (await this.anyItemExists()) return;
    const deadline = Date.now() + 10 * 60_000;
    while (!this.stopping && !(await this.infra.temporalReachable())) {
      if (Date.now() > deadline) throw new Error('Temporal not reachable');
      await delay(2000);
    }
    const office = await this.userOf('office');
    if (!office || this.stopping) return;
    let done = 0;
    for (const item of demoItems()) {
      if (this.stopping) return;
      try {
        await this.loadItem(item, office);
        done++;
      } catch (err) {
        this.logger.warn({ err }, `demo item "${item.register.title}" not (fully) loaded`);
      }
    }
    this.logger.log(`demo items loaded: ${done} of ${demoItems().length}`);
  }

  private async loadItem(item: DemoItem, office: AuthUser): Promise<void> {
    const meta = () => ({ correlationId: `demo:${item.register.title}` });
    const dto = { level: 'municipal', sessionYear: 2026, period: 'plenary', ...item.register } as RegisterProposalDto;
    const detail = await this.commands.register(dto, office, meta());
    if (!item.assign) return;
    await this.commands.assign(detail.id, item.assign, office, meta());
    for (const step of item.then ?? []) {
      const handler = await this.userOf(`${step[0]}-handler`);
      if (!handler) continue;
      if (step[1] === 'receipt') {
        await this.commands.unitCommand(detail.id, step[0], { type: 'SignReceipt', data: { unitId: step[0] } }, handler, meta());
      } else {
        await this.commands.unitCommand(
          detail.id,
          step[0],
          { type: 'RequestReturn', data: { unitId: step[0], reason: step[2] } },
          handler,
          meta(),
        );
      }
    }
  }

  private async userOf(username: string): Promise<AuthUser | undefined> {
    const u = await findUserByUsername(this.db.ds, username);
    return u && { id: u.id, username: u.username, role: u.role, unitId: u.unitId, displayName: u.displayName };
  }
}
