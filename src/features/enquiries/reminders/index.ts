import type { EnquiryFeatureServices } from '../services.js';

/**
 * Declares the daily reminder job on the job runner; called before the runner starts
 * (being written).
 */
export function defineEnquiryReminders(_services: EnquiryFeatureServices, _publicUrl: string) {}

/** Schedules the reminder job; called after the runner has started (being written). */
export function scheduleEnquiryReminders(_services: EnquiryFeatureServices) {}
