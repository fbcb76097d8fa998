/**
 * Documents (văn bản): incoming documents (văn bản đến) registered in registers (sổ văn bản) with
 * arrival numbers (số đến); later outgoing documents (văn bản đi), routing, processing and dossiers
 * (hồ sơ công việc) per Decree 30/2020.
 *
 * <p>Who sees a document follows the unit tree: clerks and leaders of the receiving unit's subtree.
 * Attachments are stored by {@code files} and served only through this module's access checks.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organization", "files", "calendar", "notifications", "signing"})
package vn.sen.documents;
