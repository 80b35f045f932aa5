import {
  type CalendarDate,
  GregorianCalendar,
  parseDate,
  toCalendar,
} from '@internationalized/date';
import {
  Button,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DateRangePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
  RangeCalendar,
  Text,
} from 'react-aria-components';
import '../styles/date-range.css';

// react-aria adds its touch-action rule as an inline <style> unless an element with this id
// is in the document; the CSP refuses inline styles, so the rule is in date-range.css and
// this marker says it is there. (Its other inline style is for iOS Safari's scroll lock.)
const PRESSABLE_STYLE_ID = 'react-aria-pressable-style';
if (!document.getElementById(PRESSABLE_STYLE_ID)) {
  const marker = document.createElement('meta');
  marker.id = PRESSABLE_STYLE_ID;
  document.head.append(marker);
}

/** ISO (Gregorian) dates, as the API's from/to take them. */
export interface IsoRange {
  from: string;
  to: string;
}

interface Props {
  value: IsoRange;
  onChange: (range: IsoRange) => void;
  /** The API's complaint about either end, shown under the field. */
  error?: string;
  /** What the range is for; a register book's period unless told. */
  label?: string;
}

const gregorian = new GregorianCalendar();

/** A four-digit Gregorian year, i.e. a BE year being typed is whole. */
function plausible(date: CalendarDate): boolean {
  const year = toCalendar(date, gregorian).year;
  return year >= 1000 && year <= 9999;
}

function iso(date: CalendarDate): string {
  return toCalendar(date, gregorian).toString();
}

/**
 * The book's period, typed or picked in the Buddhist-era calendar (พ.ศ.) the clerk reads
 * every day: react-aria's date range picker with the Thai locale's Buddhist calendar, so
 * each part (day, month, year) is a labelled spin button and the calendar is keyboard
 * operable.
 */
export default function BookRangePicker({
  value,
  onChange,
  error,
  label = 'ช่วงวันที่ (พ.ศ.)',
}: Props) {
  return (
    <I18nProvider locale="th-TH-u-ca-buddhist">
      <DateRangePicker
        className="field date-range"
        // Uncontrolled: while a year is being typed (๒, ๒๕, ๒๕๖ …) the range is complete but
        // not a date the API takes, so only whole years go out.
        defaultValue={{ start: parseDate(value.from), end: parseDate(value.to) }}
        onChange={(range) => {
          if (range && plausible(range.start) && plausible(range.end))
            onChange({ from: iso(range.start), to: iso(range.end) });
        }}
        isInvalid={error !== undefined}
        shouldForceLeadingZeros={false}
      >
        <Label>{label}</Label>
        <Group className="date-range-group">
          <DateInput slot="start" aria-label="ตั้งแต่วันที่">
            {(segment) => <DateSegment segment={segment} />}
          </DateInput>
          <span aria-hidden="true">–</span>
          <DateInput slot="end" aria-label="ถึงวันที่">
            {(segment) => <DateSegment segment={segment} />}
          </DateInput>
          <Button className="button secondary small" aria-label="เลือกจากปฏิทิน">
            ปฏิทิน
          </Button>
        </Group>
        <Text slot="description" className="field-hint">
          วัน เดือน ปี พ.ศ. พิมพ์ตัวเลขหรือใช้ปุ่มลูกศรขึ้นลง
        </Text>
        <FieldError className="field-error">{error}</FieldError>
        <Popover className="date-range-popover">
          <Dialog aria-label="ปฏิทินเลือกช่วงวันที่">
            <RangeCalendar>
              <header className="row">
                <Button slot="previous" aria-label="เดือนก่อนหน้า">
                  ‹
                </Button>
                <Heading />
                <Button slot="next" aria-label="เดือนถัดไป">
                  ›
                </Button>
              </header>
              <CalendarGrid>{(date) => <CalendarCell date={date} />}</CalendarGrid>
            </RangeCalendar>
          </Dialog>
        </Popover>
      </DateRangePicker>
    </I18nProvider>
  );
}
