/**
 * Who learners contact to report an accessibility problem or an error in the course: the
 * `contact` in content/course.yaml, or, when an organisation has not set one, the default.
 * The accessibility statement and the About page both show this one value.
 */
import { DEFAULT_CONTACT, type CourseConfig } from '../schemas/course.ts';

export function courseContact(course: Pick<CourseConfig, 'contact'>): string {
  return course.contact ?? DEFAULT_CONTACT;
}
