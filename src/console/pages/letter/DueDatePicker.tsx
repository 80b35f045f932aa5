import {
  type CalendarDate,
  GregorianCalendar,
  parseDate,
  toCalendar,
} from '@internationalized/date';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
  Text,
} from 'react-aria-components';
import '../../styles/date-range.css';

const gregorian = new GregorianCalendar();

/** A four-digit Gregorian year: a BE year being typed is whole. */
function plausible(date: CalendarDate): boolean {
  const year = toCalendar(date, gregorian).year;
  return year >= 1000 && year <= 9999;
}

interface Props {
  /** ISO (Gregorian) date, or '' for none. */
  value: string;
  onChange: (iso: string) => void;
  error?: string;
}

/**
 * The response due date (กำหนดรายงาน/ตอบกลับ), typed or picked in the Buddhist-era calendar:
 * react-aria's date picker in the Thai locale's Buddhist calendar, every part a labelled spin
 * button. Uncontrolled while typing, so a year half typed never goes out.
 */
export default function DueDatePicker({ value, onChange, error }: Props) {
  return (
    <I18nProvider locale="th-TH-u-ca-buddhist">
      <DatePicker
        className="field date-range"
        defaultValue={value ? parseDate(value) : null}
        onChange={(date) => {
          if (!date) onChange('');
          else if (plausible(date)) onChange(toCalendar(date, gregorian).toString());
        }}
        isInvalid={error !== undefined}
        shouldForceLeadingZeros={false}
      >
        <Label>กำหนดส่งรายงาน/ตอบกลับ (พ.ศ.)</Label>
        <Group className="date-range-group">
          <DateInput aria-label="วันที่กำหนด">
            {(segment) => <DateSegment segment={segment} />}
          </DateInput>
          <Button className="button secondary small" aria-label="เลือกวันที่จากปฏิทิน">
            ปฏิทิน
          </Button>
        </Group>
        <Text slot="description" className="field-hint">
          ไม่บังคับ · วัน เดือน ปี พ.ศ. ภายในเวลา ๑๖.๓๐ น. ของวันนั้น
        </Text>
        {error && <span className="field-error">{error}</span>}
        <Popover className="date-range-popover">
          <Dialog aria-label="ปฏิทินเลือกวันที่กำหนด">
            <Calendar>
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
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}
