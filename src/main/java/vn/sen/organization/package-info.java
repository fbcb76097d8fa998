/**
 * Organisation (tổ chức): units (đơn vị) as a tree with dated organisation codes (mã định danh),
 * positions (chức vụ), officers (cán bộ) with concurrent positions (kiêm nhiệm), and time-bounded
 * delegations (ủy quyền) of signing or assignment rights.
 *
 * <p>Other modules ask {@link vn.sen.organization.Organization}; this module asks nobody.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.sen.organization;
