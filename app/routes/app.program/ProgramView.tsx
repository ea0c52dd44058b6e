import { Badge, BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

import { useI18n, type I18n } from "~/i18n/I18nProvider";

import type { CouponRow, LevelRow, SegmentRow, StampCardRow, ValidityStatus } from "./program-view";

const STATUS_TONES: Record<ValidityStatus, "success" | "info" | "critical" | undefined> = {
  active: "success",
  scheduled: "info",
  expired: undefined,
  inactive: "critical",
};

function StatusBadge({ status }: { status: ValidityStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONES[status]}>{t(`status.${status}`)}</Badge>;
}

function Section({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {empty ? (
          <Text as="p" tone="subdued">
            {empty}
          </Text>
        ) : (
          children
        )}
      </BlockStack>
    </Card>
  );
}

function yesNo(t: I18n["t"], value: boolean) {
  return value ? t("common.yes") : t("common.no");
}

export function LevelsSection({ levels }: { levels: LevelRow[] }) {
  const { t, number } = useI18n();
  return (
    <Section title={t("program.levels")} empty={levels.length === 0 ? t("program.noLevels") : null}>
      <DataTable
        columnContentTypes={["text", "numeric"]}
        headings={[t("program.levelName"), t("program.levelPoints")]}
        rows={levels.map((level) => [level.name, number(level.points)])}
      />
    </Section>
  );
}

export function SegmentsSection({ segments }: { segments: SegmentRow[] }) {
  const { t } = useI18n();
  const typeLabel = (segment: SegmentRow) =>
    segment.type === "other" ? t("segmentType.other", { type: segment.rawType }) : t(`segmentType.${segment.type}`);
  return (
    <Section title={t("program.segments")} empty={segments.length === 0 ? t("program.noSegments") : null}>
      <DataTable
        columnContentTypes={["text", "text", "text", "text", "text"]}
        headings={[
          t("program.segmentQuestion"),
          t("program.segmentType"),
          t("program.segmentRequired"),
          t("program.segmentVisible"),
          t("program.segmentOptions"),
        ]}
        rows={segments.map((segment) => [
          segment.question,
          typeLabel(segment),
          yesNo(t, segment.required),
          yesNo(t, segment.visibleToMembers),
          segment.options.length > 0 ? segment.options.join(", ") : t("common.none"),
        ])}
      />
    </Section>
  );
}

export function CouponsSection({ coupons, currency }: { coupons: CouponRow[]; currency: string | null }) {
  const { t, number, date } = useI18n();
  const typeLabel = (coupon: CouponRow) =>
    coupon.type === "other" ? t("couponType.other", { type: coupon.rawType }) : t(`couponType.${coupon.type}`);
  const discountLabel = (coupon: CouponRow) => {
    const value = coupon.discountValue;
    switch (coupon.discountType) {
      case "Percentage":
        return t("discount.Percentage", { value: value ?? 0 });
      case "Fixed":
        return t("discount.Fixed", {
          value: value === null ? "?" : currency ? number(value, { style: "currency", currency }) : number(value),
        });
      case "FreeShipping":
        return t("discount.FreeShipping");
      case "NotDefined":
        return t("discount.NotDefined");
      default:
        return t("discount.other");
    }
  };
  const safeDate = (value: string) => (Number.isNaN(Date.parse(value)) ? value : date(value));
  return (
    <Section title={t("program.coupons")} empty={coupons.length === 0 ? t("program.noCoupons") : null}>
      <DataTable
        columnContentTypes={["text", "text", "text", "text", "text", "text"]}
        headings={[
          t("program.couponTitle"),
          t("program.couponCode"),
          t("program.couponType"),
          t("program.couponDiscount"),
          t("program.couponValidity"),
          t("program.couponStatus"),
        ]}
        rows={coupons.map((coupon) => [
          coupon.requiredPoints ? (
            <BlockStack gap="050" key={coupon.key}>
              <Text as="span">{coupon.title}</Text>
              <Text as="span" tone="subdued" variant="bodySm">
                {t("program.targetPoints", { points: coupon.requiredPoints })}
              </Text>
            </BlockStack>
          ) : (
            coupon.title
          ),
          coupon.code,
          typeLabel(coupon),
          discountLabel(coupon),
          t("program.validRange", { from: safeDate(coupon.validFrom), to: safeDate(coupon.validTo) }),
          <StatusBadge key={`${coupon.key}-status`} status={coupon.status} />,
        ])}
      />
    </Section>
  );
}

export function StampCardsSection({ cards }: { cards: StampCardRow[] }) {
  const { t, number, date } = useI18n();
  const range = (card: StampCardRow) =>
    card.validFrom || card.validTo
      ? t("program.validRange", {
          from: card.validFrom ? date(card.validFrom) : "…",
          to: card.validTo ? date(card.validTo) : "…",
        })
      : t("common.none");
  return (
    <Section title={t("program.stampCards")} empty={cards.length === 0 ? t("program.noStampCards") : null}>
      <DataTable
        columnContentTypes={["text", "numeric", "text", "text", "text"]}
        headings={[
          t("program.stampTitle"),
          t("program.stampRequired"),
          t("program.stampRestartable"),
          t("program.couponValidity"),
          t("program.couponStatus"),
        ]}
        rows={cards.map((card) => [
          card.title,
          card.requiredStamps === null ? t("common.none") : number(card.requiredStamps),
          yesNo(t, card.restartable),
          range(card),
          <StatusBadge key={card.key} status={card.status} />,
        ])}
      />
    </Section>
  );
}
