import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Api,
  DEMO_PASSWORD,
  expectAccessible,
  openConsole,
  signInAs,
  startConsoleWorld,
  type ConsoleWorld,
} from './harness.js';

let world: ConsoleWorld;
let browser: Browser;
let base: string;
let db: pg.Client;

beforeAll(async () => {
  world = await startConsoleWorld();
  ({ browser, base, db } = world);
});

afterAll(async () => {
  await world?.close();
});

/** This year in the Buddhist era, as the console shows it (Bangkok time). */
function beYear(): number {
  return (
    Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date()).slice(0, 4),
    ) + 543
  );
}

function thai(value: number | string): string {
  return String(value).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);
}

async function tab(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'เมนูผู้ดูแลระบบ' }).getByRole('link', { name }).click();
}

describe('an administrator in the browser', () => {
  it('sets up a new district with its clerk, a holiday and a deadline, and the clerk signs in', async () => {
    const { page, context, cspViolations } = await openConsole(browser, base);
    await signInAs(page, 'admin.moi');

    // Only admins get the link; the tree starts at the unit they administer.
    await page
      .getByRole('navigation', { name: 'เมนูหลัก' })
      .getByRole('link', { name: 'ผู้ดูแลระบบ' })
      .click();
    await page.waitForURL(/\/admin\/units$/);
    // The unit tree is a WAI-ARIA tree, worked here with the keyboard alone.
    const tree = page.getByRole('tree', { name: 'ผังหน่วยงาน' });
    const root = tree.getByRole('treeitem').first();
    const province = tree.getByRole('treeitem', { name: 'จังหวัดร้อยเอ็ด', exact: true });
    const focused = tree.locator('[role="treeitem"]:focus');
    const focusedLevel = () => focused.getAttribute('aria-level');
    const onProvince = async () =>
      (await focused.count()) === 1 &&
      (await focused.getAttribute('aria-labelledby')) ===
        (await province.getAttribute('aria-labelledby'));
    const inTabOrder = tree.locator('[role="treeitem"][tabindex="0"]');
    expect(await root.getAttribute('aria-level')).toBe('1');
    expect(await root.getAttribute('aria-expanded')).toBe('true');
    await tree.locator('[aria-level="2"]').first().waitFor();
    expect(await inTabOrder.count()).toBe(1);
    await root.focus();
    // Right on an open node goes to its first child.
    await page.keyboard.press('ArrowRight');
    expect(await focusedLevel()).toBe('2');
    for (let i = 0; i < 50 && !(await onProvince()); i++) await page.keyboard.press('ArrowDown');
    expect(await onProvince()).toBe(true);
    // One node in the tab order: the one the keyboard is on (roving tabindex).
    expect(await inTabOrder.count()).toBe(1);
    expect(await province.getAttribute('tabindex')).toBe('0');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'จังหวัดร้อยเอ็ด' }).waitFor();
    expect(await province.getAttribute('aria-current')).toBe('page');
    // Right opens the province; its districts are one level down.
    expect(await province.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => province.getAttribute('aria-expanded')).toBe('true');
    const mueang = tree.getByRole('treeitem', { name: 'อำเภอเมืองร้อยเอ็ด', exact: true });
    await mueang.waitFor();
    expect(await mueang.getAttribute('aria-level')).toBe('3');
    await page.keyboard.press('ArrowRight');
    expect(await focusedLevel()).toBe('3');
    // Left goes back up to the parent, then closes it; Right opens it again.
    await page.keyboard.press('ArrowLeft');
    expect(await onProvince()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await province.getAttribute('aria-expanded')).toBe('false');
    expect(await mueang.count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await mueang.waitFor();
    await expectAccessible(page, 'admin-01-units');

    // A new district under the province, with its letter code and owner number.
    await page.getByLabel('ประเภทหน่วยงาน').selectOption('district');
    await page.getByLabel('ชื่อหน่วยงานใหม่').fill('อำเภอโพนทอง');
    await page.getByLabel('รหัสตัวพยัญชนะของหน่วยงานใหม่').fill('รอ');
    await page.getByLabel('เลขประจำของเจ้าของเรื่องของหน่วยงานใหม่').fill('0023.9');
    await page.getByLabel('ตำแหน่งหัวหน้าของหน่วยงานใหม่').fill('นายอำเภอโพนทอง');
    await page.getByRole('button', { name: 'เพิ่มหน่วยงาน' }).click();
    await page.getByRole('heading', { level: 1, name: 'อำเภอโพนทอง' }).waitFor();
    await tree.getByRole('treeitem', { name: 'อำเภอโพนทอง' }).waitFor();
    expect(await page.getByLabel('เลขประจำของเจ้าของเรื่อง', { exact: true }).inputValue()).toBe(
      '0023.9',
    );

    // Its clerk. A refused password is explained beside the field and nothing typed is lost.
    await page.getByLabel('ชื่อผู้ใช้', { exact: true }).fill('clerk.phontong');
    await page.getByLabel('ชื่อ-นามสกุล').fill('นางสาวพรทิพย์ ทองดี');
    await page.getByLabel('ตำแหน่ง', { exact: true }).fill('เจ้าพนักงานธุรการ');
    await page.getByLabel('รหัสผ่านเริ่มต้น').fill('สั้นไป');
    await page.getByLabel('บทบาทในหน่วยงาน').selectOption('clerk');
    await page.getByRole('button', { name: 'เพิ่มผู้ใช้' }).click();
    const passwordError = page.locator('#new-user-password-error');
    await expect.poll(() => passwordError.textContent()).toContain('อย่างน้อย 12 ตัวอักษร');
    expect(await page.getByLabel('รหัสผ่านเริ่มต้น').getAttribute('aria-describedby')).toContain(
      'new-user-password-error',
    );
    expect(await page.getByLabel('ชื่อผู้ใช้', { exact: true }).inputValue()).toBe('clerk.phontong');
    expect(await page.getByLabel('ชื่อ-นามสกุล').inputValue()).toBe('นางสาวพรทิพย์ ทองดี');
    await page.getByLabel('รหัสผ่านเริ่มต้น').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'เพิ่มผู้ใช้' }).click();
    await page.getByRole('status').filter({ hasText: 'เพิ่มผู้ใช้ นางสาวพรทิพย์ ทองดี' }).waitFor();
    const people = page.getByRole('table', { name: 'ผู้ใช้ของอำเภอโพนทอง' });
    await expect.poll(() => people.textContent()).toContain('เจ้าหน้าที่สารบรรณ');
    await expectAccessible(page, 'admin-02-new-district');

    // The user's page: memberships, and an acting-head span in the Buddhist calendar.
    await people.getByRole('link', { name: 'นางสาวพรทิพย์ ทองดี' }).click();
    await page.getByRole('heading', { level: 1, name: /นางสาวพรทิพย์ ทองดี/ }).waitFor();
    await page.getByLabel('ค้นหาหน่วยงาน', { exact: true }).fill('โพนทอง');
    await page.getByRole('radio', { name: /อำเภอโพนทอง/ }).check();
    await page.getByLabel('รักษาราชการแทนหัวหน้าหน่วยงาน (ระบุช่วงวันที่)').check();
    const range = page.getByRole('group', { name: 'ช่วงวันที่รักษาราชการแทน (พ.ศ.)', exact: true });
    await expect.poll(() => range.getByRole('spinbutton').count()).toBe(6);
    await range.getByRole('spinbutton').nth(3).focus();
    await page.keyboard.type(`3112${beYear()}`);
    await page.getByRole('button', { name: 'เพิ่มการสังกัด' }).click();
    await page.getByRole('status').filter({ hasText: 'เพิ่มการสังกัด อำเภอโพนทอง แล้ว' }).waitFor();
    const memberships = page.getByRole('table', { name: /การสังกัดหน่วยงานของ/ });
    await expect.poll(() => memberships.locator('tbody tr').count()).toBe(2);
    expect(await memberships.textContent()).toContain('หัวหน้าหน่วยงาน (รักษาราชการแทน)');
    expect(await memberships.textContent()).toContain(`๑ ม.ค. ${thai(beYear() + 1)}`);
    await expectAccessible(page, 'admin-03-user');

    // A holiday typed in the Buddhist era, and two more pasted as a list.
    await tab(page, 'วันหยุดราชการ');
    const holidays = page.getByRole('table', { name: `วันหยุดราชการ ปี พ.ศ. ${thai(beYear())}` });
    await holidays.waitFor();
    await page.getByLabel('วันที่หยุด').fill(`๒๙ ธันวาคม ${thai(beYear())}`);
    await page.getByLabel('ชื่อวันหยุด', { exact: true }).fill('วันหยุดพิเศษ (ทดสอบ)');
    await page.getByRole('button', { name: 'เพิ่มวันหยุด', exact: true }).click();
    await expect.poll(() => holidays.textContent()).toContain('วันหยุดพิเศษ (ทดสอบ)');
    await page
      .getByLabel('รายการวันหยุด (บรรทัดละวัน: วันที่ แล้วตามด้วยชื่อวันหยุด)')
      .fill(`28/12/${beYear()} วันหยุดพิเศษปลายปี\nวันไม่รู้จัก,วันหยุดผิด`);
    await page.getByRole('button', { name: 'นำเข้าวันหยุด' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('บรรทัดที่ ๒')]));
    await page
      .getByLabel('รายการวันหยุด (บรรทัดละวัน: วันที่ แล้วตามด้วยชื่อวันหยุด)')
      .fill(`28/12/${beYear()} วันหยุดพิเศษปลายปี\n${beYear() - 543}-12-30,วันหยุดพิเศษก่อนปีใหม่`);
    await page.getByRole('button', { name: 'นำเข้าวันหยุด' }).click();
    await expect.poll(() => holidays.textContent()).toContain('วันหยุดพิเศษก่อนปีใหม่');
    // The fixed-date national holidays of a year not seeded yet, with their substitution days.
    await page.getByLabel('ปี พ.ศ.', { exact: true }).fill(thai(beYear() + 2));
    await page.getByRole('button', { name: `เพิ่มวันหยุดประจำปี พ.ศ. ${thai(beYear() + 2)}` }).click();
    const later = page.getByRole('table', { name: `วันหยุดราชการ ปี พ.ศ. ${thai(beYear() + 2)}` });
    await expect.poll(() => later.textContent()).toContain('วันพ่อแห่งชาติ');
    await page.getByLabel('ปี พ.ศ.', { exact: true }).fill(thai(beYear()));
    await expect.poll(() => holidays.textContent()).toContain('วันหยุดพิเศษก่อนปีใหม่');
    await expectAccessible(page, 'admin-04-holidays');

    // The most urgent class: register within one working day instead of two hours.
    await tab(page, 'ระยะเวลาเร่งรัด');
    const current = page.getByRole('table', { name: 'ระยะเวลาปัจจุบัน' });
    const mostUrgent = current.getByRole('row').filter({ hasText: 'ด่วนที่สุด' });
    await expect.poll(() => mostUrgent.textContent()).toContain('๒ ชั่วโมงทำการ');
    const ack = page.getByRole('group', { name: 'ลงรับภายใน (ด่วนที่สุด)' });
    await ack.getByLabel('จำนวน').fill('๑');
    await ack.getByLabel('หน่วย').selectOption('day');
    await page.getByRole('button', { name: 'บันทึกระยะเวลาหนังสือด่วนที่สุด' }).click();
    await expect.poll(() => mostUrgent.textContent()).toContain('๑ วันทำการ');
    await expectAccessible(page, 'admin-05-policies');

    // The queue dashboard through its short-lived cookie.
    await tab(page, 'คิวงาน');
    await page.getByRole('button', { name: 'ขอสิทธิ์เปิดแดชบอร์ดคิวงาน' }).click();
    const dashboard = page.getByRole('link', { name: 'เปิดแดชบอร์ดคิวงาน (แท็บใหม่)' });
    await dashboard.waitFor();
    expect((await context.request.get(`${base}/admin/queues`)).status()).toBe(200);
    await expectAccessible(page, 'admin-06-queues');
    expect(cspViolations).toEqual([]);

    // The API holds what the screens said.
    const api = await Api.signIn(base, 'admin.moi');
    const year = beYear() - 543;
    const listed = await api.call<{ items: { date: string; nameTh: string }[] }>(
      'GET',
      `/admin/holidays?year=${year}`,
    );
    expect(listed.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: `${year}-12-29`, nameTh: 'วันหยุดพิเศษ (ทดสอบ)' }),
        expect.objectContaining({ date: `${year}-12-28` }),
        expect.objectContaining({ date: `${year}-12-30` }),
      ]),
    );
    const policies = await api.call<{ items: { speed: string; ackWorkingMinutes: number }[] }>(
      'GET',
      '/admin/escalation-policies',
    );
    expect(policies.items.find((p) => p.speed === 'most_urgent')?.ackWorkingMinutes).toBe(480);
    const unit = await db.query<{ letter_code: string; owner_number: string; parent: string }>(
      `SELECT u.letter_code, u.owner_number, p.name_th AS parent
         FROM units u JOIN units p ON p.id = u.parent_id WHERE u.name_th = 'อำเภอโพนทอง'`,
    );
    expect(unit.rows).toEqual([
      { letter_code: 'รอ', owner_number: '0023.9', parent: 'จังหวัดร้อยเอ็ด' },
    ]);

    // The new clerk signs in and works as the new district; no administration for them.
    const clerk = await openConsole(browser, base);
    await signInAs(clerk.page, 'clerk.phontong');
    await clerk.page.getByText('อำเภอโพนทอง').first().waitFor();
    expect(
      await clerk.page
        .getByRole('navigation', { name: 'เมนูหลัก' })
        .getByRole('link')
        .allTextContents(),
    ).not.toContain('ผู้ดูแลระบบ');
    await clerk.page.goto('/admin/units');
    await clerk.page.getByText('ไม่พบหน้านี้').waitFor();
    await clerk.context.close();
    await context.close();
  });

  it('lets a province’s admin rename, move and deactivate a unit and end a membership, and nothing above', async () => {
    const { page, context } = await openConsole(browser, base);
    await signInAs(page, 'admin.roiet', '/admin/units');
    const tabs = page.getByRole('navigation', { name: 'เมนูผู้ดูแลระบบ' });
    await tabs.getByRole('link', { name: 'หน่วยงาน' }).waitFor();
    // The calendar, the ladder and the queues belong to administrators of the whole tree.
    expect(await tabs.getByRole('link').allTextContents()).toEqual(['หน่วยงาน', 'ผู้ใช้']);
    await page.getByRole('heading', { level: 1, name: 'จังหวัดร้อยเอ็ด' }).waitFor();

    await page.getByLabel('ประเภทหน่วยงาน').selectOption('other');
    await page.getByLabel('ชื่อหน่วยงานใหม่').fill('ศูนย์ทดสอบชั่วคราว');
    await page.getByRole('button', { name: 'เพิ่มหน่วยงาน' }).click();
    await page.getByRole('heading', { level: 1, name: 'ศูนย์ทดสอบชั่วคราว' }).waitFor();
    await page.getByLabel('ชื่อหน่วยงาน', { exact: true }).fill('ศูนย์ปฏิบัติการชั่วคราว');
    await page.getByRole('button', { name: 'บันทึกข้อมูลหน่วยงาน' }).click();
    await page.getByRole('heading', { level: 1, name: 'ศูนย์ปฏิบัติการชั่วคราว' }).waitFor();

    await page.getByLabel('ค้นหาหน่วยงานต้นสังกัดใหม่').fill('เสลภูมิ');
    await page.getByRole('radio', { name: /^อำเภอเสลภูมิ/ }).check();
    await page.getByRole('button', { name: 'ย้ายไปอยู่ใต้หน่วยงานที่เลือก' }).click();
    await page.getByRole('status').filter({ hasText: 'ย้ายไปอยู่ใต้ อำเภอเสลภูมิ แล้ว' }).waitFor();
    await page.getByRole('button', { name: 'ปิดใช้งานหน่วยงาน' }).click();
    await page.getByRole('heading', { level: 1, name: 'ศูนย์ปฏิบัติการชั่วคราว (ปิดใช้งาน)' }).waitFor();
    const moved = await db.query<{ parent: string; active: boolean }>(
      `SELECT p.name_th AS parent, u.active FROM units u JOIN units p ON p.id = u.parent_id
        WHERE u.name_th = 'ศูนย์ปฏิบัติการชั่วคราว'`,
    );
    expect(moved.rows).toEqual([{ parent: 'อำเภอเสลภูมิ', active: false }]);

    // A unit with active units under it stays active, and says why.
    await page
      .getByRole('tree', { name: 'ผังหน่วยงาน' })
      .getByRole('treeitem', { name: 'อำเภอเมืองร้อยเอ็ด' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'อำเภอเมืองร้อยเอ็ด' }).waitFor();
    await page.getByRole('button', { name: 'ปิดใช้งานหน่วยงาน' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual([expect.stringMatching(/[\u0E00-\u0E7F]/)]);

    // End a membership from the person's page.
    await tabs.getByRole('link', { name: 'ผู้ใช้' }).click();
    await page.getByLabel('ค้นหาชื่อหรือชื่อผู้ใช้').fill('clerk.selaphum');
    const found = page.getByRole('table', { name: 'ผู้ใช้ในหน่วยงานที่ดูแล' }).locator('tbody tr');
    await expect.poll(() => found.count()).toBe(1);
    await expectAccessible(page, 'admin-07-users');
    await found.getByRole('link').click();
    await page.getByRole('button', { name: /^สิ้นสุดการสังกัด อำเภอเสลภูมิ/ }).click();
    await page.getByRole('status').filter({ hasText: 'สิ้นสุดการสังกัดแล้ว' }).waitFor();
    await expect
      .poll(() => page.getByRole('table', { name: /การสังกัดหน่วยงานของ/ }).textContent())
      .toContain('สิ้นสุดแล้ว');
    // Ending it takes effect on the clerk's next request.
    const former = await Api.signIn(base, 'clerk.selaphum');
    expect((await former.call<{ unitIds: string[] }>('GET', '/me')).unitIds).toEqual([]);

    // The person left: close the account (a second click confirms), then open it again.
    await page.getByRole('button', { name: 'ปิดการใช้งานบัญชี' }).click();
    await page.getByRole('button', { name: 'ไม่ปิด' }).click();
    expect(await page.getByRole('button', { name: 'ยืนยันปิดการใช้งานบัญชี' }).count()).toBe(0);
    await page.getByRole('button', { name: 'ปิดการใช้งานบัญชี' }).click();
    await expectAccessible(page, 'admin-08-close-account');
    await page.getByRole('button', { name: 'ยืนยันปิดการใช้งานบัญชี' }).click();
    await page.getByRole('status').filter({ hasText: 'ปิดการใช้งานบัญชีแล้ว' }).waitFor();
    await page.getByText('บัญชีถูกปิดการใช้งาน', { exact: false }).waitFor();
    await expect(former.call('GET', '/me')).rejects.toThrow(/401/);
    await expect(Api.signIn(base, 'clerk.selaphum')).rejects.toThrow(/401/);
    await page.getByRole('button', { name: 'เปิดใช้งานบัญชีอีกครั้ง' }).click();
    await page.getByRole('status').filter({ hasText: 'เปิดใช้งานบัญชีแล้ว' }).waitFor();
    await Api.signIn(base, 'clerk.selaphum');

    // Nothing above the province: the calendar is not found, in the page and in the API.
    await page.goto('/admin/holidays');
    await page.getByText('ไม่พบหน้านี้').waitFor();
    const admin = await Api.signIn(base, 'admin.roiet');
    await expect(admin.call('GET', '/admin/holidays')).rejects.toThrow(/404/);
    await context.close();
  });
});
