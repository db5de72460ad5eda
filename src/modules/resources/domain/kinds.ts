// The closed lists of the module, shared by the tables, the rules and the API contract (no I/O).
export const RESOURCE_KINDS = ['hot_desk', 'dedicated_desk', 'private_office', 'meeting_room', 'van', 'equipment', 'custom'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const PRICE_UNITS = ['hour', 'half_day', 'day', 'month'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];
export const BOOKING_STATUSES = ['confirmed', 'cancelled', 'no_show', 'completed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const PAID_BY = ['allowance', 'pay_per_use', 'free'] as const;
export type PaidBy = (typeof PAID_BY)[number];
export const WHO_MAY_BOOK = ['all_members', 'membership_types', 'plans', 'staff_only'] as const;
export type WhoMayBook = (typeof WHO_MAY_BOOK)[number];
