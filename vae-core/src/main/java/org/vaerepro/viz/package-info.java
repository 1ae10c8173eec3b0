/** <b>API: pictures.</b> Image grids ({@link org.vaerepro.viz.ImageGrid}) and latent scatter plots (XChart). */
package org.vaerepro.viz;
